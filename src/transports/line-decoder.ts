import type { FrameError } from '../protocol/transport.js';

const NEWLINE = 0x0a;
const HEAD_BYTES = 512;

/**
 * Splits a byte stream into newline-delimited UTF-8 frames, holding at most `maxBytes` of an
 * unfinished frame. A frame that grows past the limit is discarded as it streams in (only its
 * first bytes are kept, for diagnostics) and reported once its newline arrives, so a hostile
 * peer cannot make the reader buffer without bound.
 */
export class LineDecoder {
  #chunks: Buffer[] = [];
  #length = 0;
  #discarding = false;
  #discardHead: Buffer = Buffer.alloc(0);
  readonly #utf8 = new TextDecoder('utf-8', { fatal: true });

  constructor(
    private readonly maxBytes: number,
    private readonly onFrame: (frame: string) => void,
    private readonly onError: (error: FrameError) => void,
  ) {}

  /** Feeds a chunk; calls back synchronously for every frame it completes. */
  push(chunk: Buffer): void {
    let start = 0;
    while (start < chunk.length) {
      const newline = chunk.indexOf(NEWLINE, start);
      const end = newline === -1 ? chunk.length : newline;
      this.#append(chunk.subarray(start, end));
      if (newline === -1) return;
      this.#finishFrame();
      start = newline + 1;
    }
  }

  /** Bytes held for the unfinished frame (bounded by maxBytes). */
  get bufferedBytes(): number {
    return this.#discarding ? this.#discardHead.length : this.#length;
  }

  #append(part: Buffer): void {
    if (part.length === 0) return;
    if (this.#discarding) {
      this.#length += part.length;
      return;
    }
    if (this.#length + part.length > this.maxBytes) {
      // Keep only a head for the report, then count the rest without storing it.
      this.#discardHead = Buffer.concat([...this.#chunks, part]).subarray(0, HEAD_BYTES);
      this.#discardHead = Buffer.from(this.#discardHead);
      this.#chunks = [];
      this.#discarding = true;
      this.#length += part.length;
      return;
    }
    // Copy: the caller may reuse its buffer.
    this.#chunks.push(Buffer.from(part));
    this.#length += part.length;
  }

  #finishFrame(): void {
    const length = this.#length;
    if (this.#discarding) {
      const head = this.#discardHead.toString('utf8');
      this.#reset();
      this.onError({ kind: 'oversized', bytes: length, head });
      return;
    }
    let bytes = this.#chunks.length === 1 ? this.#chunks[0]! : Buffer.concat(this.#chunks, length);
    this.#reset();
    if (bytes.length > 0 && bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, bytes.length - 1);
    if (bytes.length === 0) return;
    let text: string;
    try {
      text = this.#utf8.decode(bytes);
    } catch {
      this.onError({ kind: 'invalid-utf8', bytes: bytes.length, head: bytes.subarray(0, HEAD_BYTES).toString('utf8') });
      return;
    }
    this.onFrame(text);
  }

  #reset(): void {
    this.#chunks = [];
    this.#length = 0;
    this.#discarding = false;
    this.#discardHead = Buffer.alloc(0);
  }
}

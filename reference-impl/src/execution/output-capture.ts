import type { CapturedOutput } from '../../../src/protocol/generated/types.js';
import type { Redactor } from '../redaction/redactor.js';

/** Extra bytes kept past the cap, so that a secret straddling the cut is still seen whole. */
const REDACTION_MARGIN = 64 * 1024;

/**
 * One output stream of one execution, captured raw from the sandbox's pipe. It keeps the first
 * `cap` bytes plus a margin, counts everything, and stops at the run's fence: a random marker the
 * bootstrap writes after the run, which tells this run's output from a later run's in a session.
 * Redaction runs once over the kept bytes at the end, so chunk boundaries never split a secret.
 */
export class OutputCapture {
  #kept: Buffer[] = [];
  #keptBytes = 0;
  #bytes = 0;
  #tail = Buffer.alloc(0);
  #fenced = false;
  readonly #keepLimit: number;

  constructor(
    readonly cap: number,
    private readonly fence: Buffer,
    /** False only under the output-cap-chars fault: the kept text is cut to `cap` characters. */
    private readonly inBytes = true,
  ) {
    this.#keepLimit = cap + REDACTION_MARGIN;
  }

  /** Bytes the code wrote so far. */
  get bytes(): number {
    return this.#bytes;
  }

  /** True once the fence went by. */
  get fenced(): boolean {
    return this.#fenced;
  }

  /** Adds a chunk; returns true when this chunk took the stream past its cap. */
  push(chunk: Buffer): boolean {
    if (this.#fenced) return false;
    const before = this.#bytes;
    const window = Buffer.concat([this.#tail, chunk]);
    const at = window.indexOf(this.fence);
    if (at !== -1) {
      // The fence may have started in bytes already counted: cut the stream where it begins.
      this.#fenced = true;
      this.#bytes = before - this.#tail.length + at;
      this.#append(chunk);
      this.#trimKept(this.#bytes);
    } else {
      this.#bytes += chunk.length;
      this.#append(chunk);
      this.#tail = window.subarray(Math.max(0, window.length - (this.fence.length - 1)));
    }
    return before <= this.cap && this.#bytes > this.cap;
  }

  /** The captured stream, redacted, cut to the cap. */
  finish(redactor: Redactor): { output: CapturedOutput; redactions: number } {
    const raw = Buffer.concat(this.#kept).subarray(0, Math.min(this.#bytes, this.#keepLimit)).toString('utf8');
    const { text, count } = redactor.redact(raw);
    const truncated = this.#bytes > this.cap;
    const cut = (kept: string) => (this.inBytes ? cutToBytes(kept, this.cap) : [...kept].slice(0, this.cap).join(''));
    return { output: { text: truncated ? cut(text) : text, truncated, bytes: this.#bytes }, redactions: count };
  }

  #append(chunk: Buffer): void {
    if (this.#keptBytes >= this.#keepLimit) return;
    const part = chunk.subarray(0, this.#keepLimit - this.#keptBytes);
    this.#kept.push(part);
    this.#keptBytes += part.length;
  }

  #trimKept(length: number): void {
    const all = Buffer.concat(this.#kept).subarray(0, Math.max(0, length));
    this.#kept = [all];
    this.#keptBytes = all.length;
  }
}

/** The longest prefix of `text` whose UTF-8 form fits in `bytes`, never splitting a character. */
export function cutToBytes(text: string, bytes: number): string {
  const encoded = Buffer.from(text, 'utf8');
  if (encoded.length <= bytes) return text;
  let end = bytes;
  // Step back over continuation bytes (10xxxxxx) so that no character is split.
  while (end > 0 && (encoded[end]! & 0xc0) === 0x80) end--;
  return encoded.subarray(0, end).toString('utf8');
}

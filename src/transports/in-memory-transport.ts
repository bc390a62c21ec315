import type { FrameError, Transport, TransportCloseInfo } from '../protocol/transport.js';
import { DEFAULT_MAX_MESSAGE_BYTES } from './stream-framing.js';

/**
 * One end of an in-process channel. Frames are delivered asynchronously (never re-entrantly)
 * and the maximum message size is enforced as a real transport would.
 */
export class InMemoryTransport implements Transport {
  onmessage?: (frame: string) => void;
  onframeerror?: (error: FrameError) => void;
  onclose?: (info: TransportCloseInfo) => void;
  #other: InMemoryTransport | undefined;
  #closed = false;

  private constructor(private readonly maxMessageBytes: number) {}

  /** Two connected transports. */
  static pair(maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES): [InMemoryTransport, InMemoryTransport] {
    const a = new InMemoryTransport(maxMessageBytes);
    const b = new InMemoryTransport(maxMessageBytes);
    a.#other = b;
    b.#other = a;
    return [a, b];
  }

  async start(): Promise<void> {}

  async send(frame: string): Promise<void> {
    const other = this.#other;
    if (this.#closed || !other || other.#closed) throw new Error('transport is closed');
    const bytes = Buffer.byteLength(frame);
    setImmediate(() => {
      if (other.#closed) return;
      if (bytes > other.maxMessageBytes) other.onframeerror?.({ kind: 'oversized', bytes, head: frame.slice(0, 512) });
      else other.onmessage?.(frame);
    });
  }

  async close(): Promise<void> {
    this.#shut('closed by this side');
    const other = this.#other;
    if (other) setImmediate(() => other.#shut('closed by the other side'));
  }

  #shut(reason: string): void {
    if (this.#closed) return;
    this.#closed = true;
    this.onclose?.({ reason });
  }
}

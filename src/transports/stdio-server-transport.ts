import type { Readable, Writable } from 'node:stream';
import type { FrameError, Transport, TransportCloseInfo } from '../protocol/transport.js';
import { DEFAULT_MAX_MESSAGE_BYTES, readFrames, writeFrame } from './stream-framing.js';

/**
 * The executor's side of the stdio transport: frames arrive on stdin and leave on stdout.
 * Nothing but protocol frames may be written to stdout; logs go to stderr.
 */
export class StdioServerTransport implements Transport {
  onmessage?: (frame: string) => void;
  onframeerror?: (error: FrameError) => void;
  onclose?: (info: TransportCloseInfo) => void;
  #closed = false;

  constructor(
    private readonly input: Readable = process.stdin,
    private readonly output: Writable = process.stdout,
    private readonly maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES,
  ) {}

  async start(): Promise<void> {
    readFrames(
      this.input,
      this.maxMessageBytes,
      (f) => this.onmessage?.(f),
      (e) => this.onframeerror?.(e),
    );
    this.input.once('end', () => this.#finish('stdin ended'));
    this.input.once('error', (error) => this.#finish(`stdin failed: ${error.message}`));
    this.output.on('error', (error) => this.#finish(`stdout failed: ${error.message}`));
  }

  send(frame: string): Promise<void> {
    if (this.#closed) return Promise.reject(new Error('transport is closed'));
    return writeFrame(this.output, frame, this.maxMessageBytes);
  }

  async close(): Promise<void> {
    this.#finish('closed by the executor');
  }

  #finish(reason: string): void {
    if (this.#closed) return;
    this.#closed = true;
    this.onclose?.({ reason });
  }
}

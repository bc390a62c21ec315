import type { FrameError, Transport, TransportCloseInfo } from '../protocol/transport.js';
import { BoundedCapture } from './bounded-capture.js';
import { DEFAULT_MAX_MESSAGE_BYTES } from './stream-framing.js';

/** What a transport over an executor's stdio is told, whether the executor is a process or a container. */
export interface StdioFramedOptions {
  maxMessageBytes?: number;
  /** How much of the executor's stderr to keep (the rest is counted and streamed to onStderr). */
  stderrLimitBytes?: number;
  /** Receives every stderr chunk, for scanners that must see the whole stream. */
  onStderr?: (chunk: Buffer) => void;
}

/**
 * The part a transport over an executor's stdio shares with every other one, one frame per line:
 * the callbacks, the message size limit, stderr captured with a bound (and streamed on), and a
 * close reported once, by whichever path sees the end first.
 */
export abstract class StdioFramedTransport implements Transport {
  onmessage?: (frame: string) => void;
  onframeerror?: (error: FrameError) => void;
  onclose?: (info: TransportCloseInfo) => void;
  readonly stderr: BoundedCapture;
  protected readonly maxBytes: number;
  readonly #onStderr: ((chunk: Buffer) => void) | undefined;
  #closeInfo: TransportCloseInfo | undefined;

  protected constructor(options: StdioFramedOptions) {
    this.maxBytes = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
    this.stderr = new BoundedCapture(options.stderrLimitBytes ?? 1024 * 1024);
    this.#onStderr = options.onStderr;
  }

  abstract start(): Promise<void>;
  abstract send(frame: string): Promise<void>;
  abstract close(): Promise<void>;

  /** Whether the close has been reported. */
  protected get closed(): boolean {
    return this.#closeInfo !== undefined;
  }

  /** Keeps a chunk of the executor's stderr and passes it on. */
  protected captureStderr(chunk: Buffer): void {
    this.stderr.push(chunk);
    this.#onStderr?.(chunk);
  }

  /** Reports the close; only the first report counts. */
  protected finish(info: TransportCloseInfo): void {
    if (this.#closeInfo) return;
    this.#closeInfo = info;
    this.onclose?.(info);
  }
}

import type { Writable } from 'node:stream';

/** How much a {@link FrameWriter} holds for a reader that does not keep up, beyond the stream's own buffer. */
export interface FrameQueueLimits {
  frames: number;
  bytes: number;
}

/** Default bounds of the outgoing queue: 4096 frames or 64 MiB, whichever comes first. */
export const DEFAULT_FRAME_QUEUE_LIMITS: FrameQueueLimits = { frames: 4096, bytes: 64 * 1024 * 1024 };

interface Queued {
  bytes: Buffer;
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * The one writer of a stream's frames. While the stream accepts data, a frame goes straight
 * into it; once the stream reports it is full, frames wait in a bounded queue behind a single
 * `drain` waiter and go out in order as the reader catches up. A frame that would overflow the
 * queue is refused at once, so a peer that never reads costs a bounded amount of memory and
 * no per-frame listeners. Each write resolves when its frame is handed to the stream.
 */
export class FrameWriter {
  readonly #queue: Queued[] = [];
  #queuedBytes = 0;
  #waiting = false;
  #closedError: Error | undefined;

  constructor(
    private readonly output: Writable,
    private readonly limits: FrameQueueLimits = DEFAULT_FRAME_QUEUE_LIMITS,
  ) {
    const fail = (error?: Error) => this.#fail(error ?? new Error('the stream is closed'));
    output.once('close', () => fail());
    output.once('error', fail);
  }

  /** Frames and bytes waiting for the reader. */
  get backlog(): { frames: number; bytes: number } {
    return { frames: this.#queue.length, bytes: this.#queuedBytes };
  }

  /** Queues one frame (its bytes, newline included). */
  write(bytes: Buffer): Promise<void> {
    if (this.#closedError || this.output.destroyed || this.output.writableEnded)
      return Promise.reject(this.#closedError ?? new Error('the stream is closed'));
    if (!this.#waiting && this.#queue.length === 0) {
      this.#put(bytes);
      return Promise.resolve();
    }
    if (this.#queue.length >= this.limits.frames || this.#queuedBytes + bytes.length > this.limits.bytes) {
      return Promise.reject(
        new Error(
          `the outgoing queue is full (${this.#queue.length} frames, ${this.#queuedBytes} bytes): ` +
            `the other side is not reading`,
        ),
      );
    }
    return new Promise((resolve, reject) => {
      this.#queue.push({ bytes, resolve, reject });
      this.#queuedBytes += bytes.length;
    });
  }

  #put(bytes: Buffer): void {
    if (this.output.write(bytes)) return;
    this.#waiting = true;
    this.output.once('drain', () => this.#flush());
  }

  #flush(): void {
    this.#waiting = false;
    while (!this.#waiting && !this.#closedError) {
      const next = this.#queue.shift();
      if (!next) return;
      this.#queuedBytes -= next.bytes.length;
      this.#put(next.bytes);
      next.resolve();
    }
  }

  #fail(error: Error): void {
    if (this.#closedError) return;
    this.#closedError = error;
    for (const queued of this.#queue.splice(0)) queued.reject(error);
    this.#queuedBytes = 0;
  }
}

const writers = new WeakMap<Writable, FrameWriter>();

/** The writer of `output`, made on first use: every frame of a stream goes through the same queue. */
export function frameWriterOf(output: Writable): FrameWriter {
  let writer = writers.get(output);
  if (!writer) {
    writer = new FrameWriter(output);
    writers.set(output, writer);
  }
  return writer;
}

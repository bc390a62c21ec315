/**
 * Keeps the first `limit` bytes of a stream and counts the rest, so an untrusted writer cannot
 * grow our memory. The tail is kept too, because the end of a log usually says why it stopped.
 */
export class BoundedCapture {
  #head: Buffer[] = [];
  #headBytes = 0;
  #tail: Buffer = Buffer.alloc(0);
  #total = 0;

  constructor(
    readonly limit: number,
    private readonly tailLimit = 4096,
  ) {}

  push(chunk: Buffer): void {
    this.#total += chunk.length;
    if (this.#headBytes < this.limit) {
      const take = chunk.subarray(0, this.limit - this.#headBytes);
      this.#head.push(Buffer.from(take));
      this.#headBytes += take.length;
    }
    const joined = Buffer.concat([this.#tail, chunk]);
    this.#tail = Buffer.from(joined.subarray(Math.max(0, joined.length - this.tailLimit)));
  }

  /** Bytes written in all. */
  get totalBytes(): number {
    return this.#total;
  }

  /** True when more was written than was kept. */
  get truncated(): boolean {
    return this.#total > this.#headBytes;
  }

  /** The kept head, decoded as UTF-8 (invalid bytes become U+FFFD). */
  text(): string {
    return Buffer.concat(this.#head).toString('utf8');
  }

  /** The last bytes written, decoded as UTF-8. */
  tailText(): string {
    return this.#tail.toString('utf8');
  }
}

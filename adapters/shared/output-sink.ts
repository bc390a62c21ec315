/**
 * One captured output stream with a byte cap: keeps the first `capBytes` bytes of UTF-8, counts
 * everything written, and reports the first write that went past the cap through `onExceed`.
 */
export class OutputSink {
  #kept: Buffer[] = [];
  #keptBytes = 0;
  #bytes = 0;
  #exceeded = false;

  constructor(
    readonly capBytes: number,
    private readonly onExceed: () => void = () => undefined,
  ) {}

  /** Appends text or bytes; returns false once the cap has been passed. */
  write(chunk: string | Uint8Array): boolean {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
    this.#bytes += buffer.length;
    const room = this.capBytes - this.#keptBytes;
    if (room > 0) {
      const part = buffer.length <= room ? buffer : buffer.subarray(0, room);
      this.#kept.push(part);
      this.#keptBytes += part.length;
    }
    if (this.#bytes > this.capBytes && !this.#exceeded) {
      this.#exceeded = true;
      this.onExceed();
    }
    return !this.#exceeded;
  }

  get exceeded(): boolean {
    return this.#exceeded;
  }

  /**
   * The protocol's view of the stream. Invalid UTF-8 decodes to U+FFFD, which takes three bytes,
   * so the text is cut again to stay within the cap in bytes; a cut character is dropped whole.
   */
  captured(): { text: string; truncated: boolean; bytes: number } {
    const kept = Buffer.concat(this.#kept);
    let text = new TextDecoder('utf-8', { fatal: false }).decode(kept);
    let truncated = this.#exceeded;
    if (this.#exceeded && text.endsWith('\uFFFD')) text = text.slice(0, -1);
    if (Buffer.byteLength(text) > this.capBytes) {
      truncated = true;
      text = Buffer.from(text).subarray(0, this.capBytes).toString('utf8');
      while (Buffer.byteLength(text) > this.capBytes) text = text.slice(0, -1);
    }
    return { text, truncated, bytes: this.#bytes };
  }
}

/**
 * Separates a sandbox process's stderr from the report its runner appends: everything before the
 * nonce is the code's own stderr (forwarded as it arrives), everything after it up to the next
 * newline is the report. The nonce is fresh per execution and never shown to the code's input,
 * so the code cannot end its stderr early by accident. At most `maxReportBytes` are kept.
 */
export class ReportSplitter {
  #held = Buffer.alloc(0);
  #report: Buffer[] | undefined;
  #reportBytes = 0;
  #complete = false;
  readonly #marker: Buffer;

  constructor(
    nonce: string,
    private readonly forward: (chunk: Buffer) => void,
    private readonly maxReportBytes: number,
    /** Called once when the report's closing newline arrives. */
    private readonly onReport: () => void = () => undefined,
  ) {
    this.#marker = Buffer.from(nonce);
  }

  write(chunk: Buffer): void {
    if (this.#report) return this.#collect(chunk);
    const data = Buffer.concat([this.#held, chunk]);
    const at = data.indexOf(this.#marker);
    if (at >= 0) {
      if (at > 0) this.forward(data.subarray(0, at));
      this.#held = Buffer.alloc(0);
      this.#report = [];
      return this.#collect(data.subarray(at + this.#marker.length));
    }
    // Hold back a tail that could be the start of the marker split across chunks.
    const keep = Math.min(data.length, this.#marker.length - 1);
    if (data.length > keep) this.forward(data.subarray(0, data.length - keep));
    this.#held = Buffer.from(data.subarray(data.length - keep));
  }

  /** Flushes what was held back; call when the stream ends. */
  end(): void {
    if (!this.#report && this.#held.length) this.forward(this.#held);
    this.#held = Buffer.alloc(0);
  }

  /** The report's text once its newline arrived, else undefined. */
  report(): string | undefined {
    return this.#complete && this.#report ? Buffer.concat(this.#report).toString('utf8') : undefined;
  }

  #collect(chunk: Buffer): void {
    if (this.#complete || !this.#report) return;
    const newline = chunk.indexOf(0x0a);
    const part = newline >= 0 ? chunk.subarray(0, newline) : chunk;
    if (this.#reportBytes + part.length <= this.maxReportBytes) this.#report.push(Buffer.from(part));
    this.#reportBytes += part.length;
    if (newline >= 0) {
      this.#complete = this.#reportBytes <= this.maxReportBytes;
      if (!this.#complete) this.#report = undefined;
      this.onReport();
    }
  }
}

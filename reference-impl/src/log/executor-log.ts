import type { Redactor } from '../redaction/redactor.js';

/**
 * The executor's own log, written to stderr (which the harness reads and searches for leaks).
 * Every line goes through the redactor that knows the tenants' tokens, plus the redactor of the
 * execution the line is about, when there is one.
 */
export class ExecutorLog {
  constructor(
    private readonly redactor: Redactor,
    private readonly write: (line: string) => void = (line) => void process.stderr.write(line),
  ) {}

  info(message: string, about?: Redactor): void {
    this.#line('info', message, about);
  }

  warn(message: string, about?: Redactor): void {
    this.#line('warn', message, about);
  }

  error(message: string, error?: unknown, about?: Redactor): void {
    this.#line(
      'error',
      error === undefined ? message : `${message}: ${error instanceof Error ? error.message : String(error)}`,
      about,
    );
  }

  #line(level: string, message: string, about?: Redactor): void {
    const text = (about ?? this.redactor).redact(this.redactor.redact(message).text).text;
    this.write(`${new Date().toISOString()} ${level} ${text}\n`);
  }
}

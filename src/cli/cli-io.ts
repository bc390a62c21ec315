/** The process as commands see it; main.ts fills it from the real process, tests from strings. */
export interface CliIo {
  cwd: string;
  out(text: string): void;
  err(text: string): void;
  /** stdout is an interactive terminal. */
  interactive: boolean;
}

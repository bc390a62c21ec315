/** The process exit codes of every gauntlet command. */
export const ExitCode = {
  /** The gate passed (run), or the corpus is clean (lint). */
  Ok: 0,
  /** The gate failed: a case failed or errored, or nothing was judged (run); lint found issues. */
  GateFailed: 1,
  /** Gauntlet itself could not do its job: bad input, an executor that would not start, an empty selection. */
  HarnessError: 2,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

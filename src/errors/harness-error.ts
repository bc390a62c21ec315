/**
 * Codes of {@link HarnessError}. A harness error means Gauntlet itself could not do its job
 * (bad input it was given, a part it could not start, a peer it could not talk to). What an
 * executor under test does wrong is never a HarnessError: it is a finding, returned as data.
 */
export const HarnessErrorCode = {
  ConfigInvalid: 'CONFIG_INVALID',
  ScenarioInvalid: 'SCENARIO_INVALID',
  ExecutorStartFailed: 'EXECUTOR_START_FAILED',
  TransportClosed: 'TRANSPORT_CLOSED',
  DeadlineExceeded: 'DEADLINE_EXCEEDED',
  RequestCancelled: 'REQUEST_CANCELLED',
  MessageTooLarge: 'MESSAGE_TOO_LARGE',
  ResponseInvalid: 'RESPONSE_INVALID',
  RequestInvalid: 'REQUEST_INVALID',
  ReportInvalid: 'REPORT_INVALID',
  SelectionEmpty: 'SELECTION_EMPTY',
  ReporterFailed: 'REPORTER_FAILED',
  PackageMissing: 'PACKAGE_MISSING',
  Interrupted: 'INTERRUPTED',
  Internal: 'INTERNAL',
} as const;

export type HarnessErrorCode = (typeof HarnessErrorCode)[keyof typeof HarnessErrorCode];

/**
 * An error of the harness itself, with a stable string code, the path of what it concerns
 * (a file and JSON pointer, a method name, a command) and the underlying cause.
 */
export class HarnessError extends Error {
  override readonly name = 'HarnessError';

  constructor(
    readonly code: HarnessErrorCode,
    message: string,
    readonly path?: string,
    options?: { cause?: unknown },
  ) {
    super(path ? `${path}: ${message}` : message, options);
  }
}

/** Narrows an unknown thrown value to a HarnessError with one of the given codes. */
export function isHarnessError(value: unknown, ...codes: HarnessErrorCode[]): value is HarnessError {
  return value instanceof HarnessError && (codes.length === 0 || codes.includes(value.code));
}

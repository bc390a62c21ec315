/** Where a SARIF log's results point and which code-scanning category it belongs to. */
export interface SarifSettings {
  /**
   * The user's file every result points at: a path relative to the repository root (resolved
   * against `%SRCROOT%`), or an absolute file URI when the file lies outside any repository.
   */
  location: { uri: string; startLine: number };
  /** The repository root as a file URI ending in `/`, recorded as `%SRCROOT%` when known. */
  rootUri?: string;
  /** The code-scanning category; runAutomationDetails.id is `<category>/<run id>`. */
  category?: string;
}

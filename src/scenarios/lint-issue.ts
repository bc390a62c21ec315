/** Which check produced a lint issue; stable names, usable to filter. */
export type LintRule =
  | 'yaml'
  | 'schema'
  | 'id-matches-path'
  | 'unique-id'
  | 'stride-matches-id'
  | 'placeholders-declared'
  | 'positive-control'
  | 'severity-band'
  | 'references-resolve'
  | 'policy-valid'
  | 'oracle-canaries'
  | 'runtime-apis-declared'
  | 'step-references';

/** One problem of one scenario file, located by file, JSON pointer and, when known, line. */
export interface LintIssue {
  file: string;
  pointer: string;
  line?: number;
  rule: LintRule;
  message: string;
}

/** `file:line pointer: message [rule]`, the shape editors and CI logs can link. */
export function formatLintIssue(issue: LintIssue): string {
  const where = issue.line === undefined ? issue.file : `${issue.file}:${issue.line}`;
  return `${where} ${issue.pointer === '' ? '(root)' : issue.pointer}: ${issue.message} [${issue.rule}]`;
}

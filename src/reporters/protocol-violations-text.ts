import type { ProtocolViolation } from '../protocol/protocol-violation.js';
import type { CaseResult, ProtocolViolations } from '../report/generated/types.js';
import { sumViolations } from '../report/sum-violations.js';
import { safeText } from './safe-text.js';

/** Violations listed one by one in text reports; the JSON report keeps up to 20 per attempt and run. */
const LISTED = 5;

/** `1652 protocol violations: parse-error 551, unknown-method 550, unread-replies 1` (bounded). */
export function violationsSummary(violations: ProtocolViolations): string {
  const kinds = Object.entries(violations.byKind)
    .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
    .map(([kind, count]) => `${kind} ${count}`);
  return safeText(
    `${violations.total} protocol violation${violations.total === 1 ? '' : 's'}: ${kinds.join(', ')}`,
    1000,
  );
}

/** One violation as text: kind, method, detail and the first characters of the frame (bounded). */
export function violationText(violation: ProtocolViolation): string {
  const method = violation.method ? ` ${safeText(violation.method, 100)}` : '';
  return `[${violation.kind}]${method} ${safeText(violation.detail, 500)} — frame: ${safeText(violation.excerpt, 200)}`;
}

/** The summary line and the first violations, as plain text lines. */
export function violationsLines(violations: ProtocolViolations): string[] {
  const lines = [
    violationsSummary(violations),
    ...violations.first.slice(0, LISTED).map((v) => `  ${violationText(v)}`),
  ];
  if (violations.first.length > LISTED || violations.total > violations.first.length)
    lines.push(
      `  … ${violations.total - Math.min(LISTED, violations.first.length)} more ` +
        `(the JSON report keeps the first ${violations.first.length})`,
    );
  return lines;
}

/** The violations of every attempt of a case, added up, or undefined when there were none. */
export function caseViolations(result: CaseResult): ProtocolViolations | undefined {
  return sumViolations(result.attempts.map((a) => a.protocolViolations));
}

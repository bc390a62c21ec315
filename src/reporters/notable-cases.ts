import { suppressedIds, verdictOf, type Verdict } from '../report/case-verdict.js';
import type { CaseResult, Report } from '../report/generated/types.js';

const SEVERITY_ORDER = ['critical', 'high', 'medium', 'low', 'info'];
const VERDICT_ORDER: readonly Verdict[] = ['failed', 'errored', 'flaky', 'suppressed'];

/** A case that did not plainly pass or stay unsupported, with its verdict. */
export interface NotableCase {
  result: CaseResult;
  verdict: Verdict;
}

/**
 * The cases a CI summary must show, worst first: failed, then errored, flaky and suppressed; within
 * each, by severity (critical first, unrated last), then by id.
 */
export function notableCases(report: Report): NotableCase[] {
  const suppressed = suppressedIds(report.gate);
  const rank = (c: CaseResult) => {
    const at = SEVERITY_ORDER.indexOf(c.case.severity ?? '');
    return at < 0 ? SEVERITY_ORDER.length : at;
  };
  return report.cases
    .map((result) => ({ result, verdict: verdictOf(result, suppressed) }))
    .filter((c) => VERDICT_ORDER.includes(c.verdict))
    .sort(
      (a, b) =>
        VERDICT_ORDER.indexOf(a.verdict) - VERDICT_ORDER.indexOf(b.verdict) ||
        rank(a.result) - rank(b.result) ||
        a.result.case.id.localeCompare(b.result.case.id),
    );
}

import type { CaseOutcome, CaseResult, Finding, GateResult } from './generated/types.js';

/** A case's status as every report shows it: its outcome, or suppressed by an expectation. */
export type Verdict = CaseOutcome['status'] | 'suppressed';

/** Every verdict, worst first: the order reports sort and colour by. */
export const verdicts: readonly Verdict[] = ['failed', 'errored', 'flaky', 'suppressed', 'unsupported', 'passed'];

/** The cases the gate suppressed, by id. */
export function suppressedIds(gate: GateResult): ReadonlySet<string> {
  return new Set(gate.suppressed ?? []);
}

/** The verdict of one case, given the ids the gate suppressed. */
export function verdictOf(result: CaseResult, suppressed: ReadonlySet<string>): Verdict {
  return suppressed.has(result.case.id) ? 'suppressed' : result.outcome.status;
}

/** The harness reached a verdict on the case: passed, failed or flaky (the gate's min-executed). */
export function isJudged(verdict: Verdict): boolean {
  return verdict === 'passed' || verdict === 'failed' || verdict === 'flaky';
}

/**
 * The case counts in a pass rate's denominator: judged, or errored (an errored case is never a
 * pass, so it counts against the rate). Unsupported and suppressed cases leave it.
 */
export function isRated(verdict: Verdict): boolean {
  return isJudged(verdict) || verdict === 'errored';
}

/** The case counts as a pass in a pass rate: passed, or flaky (passed on a retry). */
export function isPassing(verdict: Verdict): boolean {
  return verdict === 'passed' || verdict === 'flaky';
}

/** The executor was found vulnerable on every attempt's evidence: the case failed. */
export function isVulnerable(verdict: Verdict): boolean {
  return verdict === 'failed';
}

/** The evidence of weakness a case carries: a failed case's findings, or a flaky case's earlier ones. */
export function findingsOf(outcome: CaseOutcome): readonly Finding[] {
  return outcome.status === 'failed' || outcome.status === 'flaky' ? (outcome.findings ?? []) : [];
}

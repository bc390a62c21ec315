import type { CaseOutcome1, CaseResult, GateResult } from './generated/types.js';

/** A case's status as every report shows it: its outcome, or suppressed by an expectation. */
export type Verdict = CaseOutcome1['status'] | 'suppressed';

/** Every verdict, worst first: the order reports sort and colour by. */
export const verdicts: readonly Verdict[] = ['failed', 'errored', 'flaky', 'suppressed', 'unsupported', 'passed'];

/** The cases the gate suppressed, by id. */
export function suppressedIds(gate: GateResult): ReadonlySet<string> {
  return new Set(gate.suppressed ?? []);
}

/** The verdict of one case, given the ids the gate suppressed. */
export function verdictOf(result: CaseResult, suppressed: ReadonlySet<string>): Verdict {
  return suppressed.has(result.case.id) ? 'suppressed' : (result.outcome as CaseOutcome1).status;
}

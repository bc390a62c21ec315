import type { CaseResult } from '../report/generated/types.js';
import { caseKey } from '../report/case-key.js';
import type { AppliedExpectation, ExpectationsFile, GateRuleResult } from './generated/types.js';

/** What the expectations file did to a run. */
export interface ExpectationsEffect {
  suppressed: Set<string>;
  applied: AppliedExpectation[];
  rules: GateRuleResult[];
}

function matches(scenario: string, result: CaseResult): boolean {
  return scenario === result.case.scenarioId || scenario === caseKey(result.case.id);
}

/**
 * Applies an executor's expectations: an unexpired entry suppresses the cases whose status is
 * the expected one; an expired entry suppresses nothing and fails the gate (expectation-expired),
 * so a known problem cannot stay hidden past the date its owner promised.
 */
export function applyExpectations(
  file: ExpectationsFile,
  cases: readonly CaseResult[],
  today: string,
): ExpectationsEffect {
  const suppressed = new Set<string>();
  const applied: AppliedExpectation[] = [];
  const rules: GateRuleResult[] = [];
  for (const expectation of file.expectations) {
    const matching = cases.filter((c) => matches(expectation.scenario, c));
    if (expectation.expires < today) {
      applied.push({ expectation, effect: 'expired', cases: matching.map((c) => c.case.id) });
      rules.push({
        rule: 'expectation-expired',
        scope: expectation.scenario,
        passed: false,
        threshold: expectation.expires,
        actual: today,
        message:
          `the expectation for ${expectation.scenario} (owner ${expectation.owner}) expired on ` +
          `${expectation.expires}: fix the executor, or renew the entry with a new justification`,
      });
      continue;
    }
    const hit = matching.filter((c) => c.outcome.status === expectation.expected);
    for (const c of hit) suppressed.add(c.case.id);
    applied.push({
      expectation,
      effect: hit.length ? 'suppressed' : 'not-matched',
      cases: (hit.length ? hit : matching).map((c) => c.case.id),
    });
  }
  return { suppressed, applied, rules };
}

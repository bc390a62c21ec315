import { isJudged } from '../report/case-verdict.js';
import type { CaseResult, GateResult } from '../report/generated/types.js';
import { applyExpectations } from './apply-expectations.js';
import { caseKey } from '../report/case-key.js';
import { compareBaseline } from './compare-baseline.js';
import type { Baseline, ExpectationsFile, GateConfig, GateRuleResult } from './generated/types.js';
import { passRateRules } from './pass-rate-rules.js';

/** Everything the gate weighs besides the cases. */
export interface GateInput {
  /** The effective thresholds (see withGateDefaults). */
  config: GateConfig;
  expectations?: ExpectationsFile;
  baseline?: { file: string; data: Baseline };
  /** Today's date (UTC, YYYY-MM-DD), against which expectations expire. */
  today: string;
}

function count(cases: readonly CaseResult[], ...statuses: string[]): CaseResult[] {
  return cases.filter((c) => statuses.includes(c.outcome.status));
}

function countRule(
  rule: 'min-executed' | 'max-errored' | 'no-flaky',
  threshold: number,
  hits: readonly CaseResult[],
  passed: boolean,
  what: string,
): GateRuleResult {
  return {
    rule,
    scope: 'all',
    passed,
    threshold,
    actual: hits.length,
    message: `${hits.length} ${what} (${rule === 'min-executed' ? 'at least' : 'at most'} ${threshold} allowed)`,
    ...(passed || rule === 'min-executed' ? {} : { cases: hits.slice(0, 50).map((c) => c.case.id) }),
  };
}

/**
 * Decides the gate of a run, rule by rule:
 * 1. expectations suppress known problems; expired entries fail;
 * 2. enough cases were judged (min-executed), so an empty or all-unsupported run fails;
 * 3. with a baseline: no case regressed; without one: the pass rates per severity, STRIDE
 *    category and overall meet their minimums, and errored cases stay within max-errored;
 * 4. opt-in: no case was flaky.
 */
export function evaluateGate(cases: readonly CaseResult[], input: GateInput): GateResult {
  const { config } = input;
  // 1. Expectations.
  const effect = input.expectations ? applyExpectations(input.expectations, cases, input.today) : undefined;
  const suppressed = effect?.suppressed ?? new Set<string>();
  const open = cases.filter((c) => !suppressed.has(c.case.id));
  const rules: GateRuleResult[] = [...(effect?.rules ?? [])];
  // 2. Enough judged cases.
  const minExecuted = config.minExecuted ?? 1;
  const judged = cases.filter((c) => isJudged(c.outcome.status));
  rules.push(
    countRule(
      'min-executed',
      minExecuted,
      judged,
      judged.length >= minExecuted,
      `case${judged.length === 1 ? ' was' : 's were'} judged (passed, failed or flaky)`,
    ),
  );
  // 3. Regressions against the baseline, or the absolute thresholds.
  let baseline: GateResult['baseline'];
  if (input.baseline) {
    const known = new Set([...suppressed].map(caseKey));
    const changes = compareBaseline(input.baseline.data, cases).filter((c) => !known.has(c.caseId));
    baseline = { file: input.baseline.file, createdAt: input.baseline.data.createdAt, changes };
    const regressions = changes.filter((c) => c.kind === 'regression');
    rules.push({
      rule: 'no-regressions',
      scope: 'baseline',
      passed: regressions.length === 0,
      threshold: 0,
      actual: regressions.length,
      message:
        `${regressions.length} regression${regressions.length === 1 ? '' : 's'} against the ` +
        `baseline of ${input.baseline.data.createdAt} (a case that now fails or errors but did not ` +
        `before)`,
      ...(regressions.length ? { cases: regressions.slice(0, 50).map((c) => c.caseId) } : {}),
    });
  } else {
    rules.push(...passRateRules(config.minPassRate ?? {}, open));
    const maxErrored = config.maxErrored ?? 0;
    const errored = count(open, 'errored');
    rules.push(
      countRule(
        'max-errored',
        maxErrored,
        errored,
        errored.length <= maxErrored,
        `case${errored.length === 1 ? '' : 's'} errored: the run could not judge ` +
          `${errored.length === 1 ? 'it' : 'them'}, which is never a pass`,
      ),
    );
  }
  // 4. Flaky cases, when asked.
  if (config.failOnFlaky) {
    const flaky = count(open, 'flaky');
    rules.push(
      countRule(
        'no-flaky',
        0,
        flaky,
        flaky.length === 0,
        `case${flaky.length === 1 ? ' was' : 's were'} flaky (passed only on a retry)`,
      ),
    );
  }
  const failed = rules.filter((r) => !r.passed);
  return {
    passed: failed.length === 0,
    reasons: failed.map((r) => `${r.rule}: ${r.message}`),
    rules,
    suppressed: [...suppressed],
    ...(effect ? { expectations: effect.applied } : {}),
    ...(baseline ? { baseline } : {}),
  };
}

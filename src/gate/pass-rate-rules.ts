import { isPassing, isRated } from '../report/case-verdict.js';
import type { CaseResult } from '../report/generated/types.js';
import type { GateRuleResult, PassRateThresholds } from './generated/types.js';

interface Tally {
  passing: number;
  judged: number;
  notPassing: string[];
}

/** Pass rate in percent with two decimals, as reports print it. */
export function percent(passing: number, judged: number): number {
  return judged === 0 ? 100 : Math.floor((passing / judged) * 10_000) / 100;
}

function tally(cases: readonly CaseResult[]): Tally {
  const out: Tally = { passing: 0, judged: 0, notPassing: [] };
  for (const c of cases) {
    const status = c.outcome.status;
    if (!isRated(status)) continue;
    out.judged++;
    if (isPassing(status)) out.passing++;
    else out.notPassing.push(c.case.id);
  }
  return out;
}

function rule(scope: string, threshold: number, cases: readonly CaseResult[]): GateRuleResult | undefined {
  const { passing, judged, notPassing } = tally(cases);
  if (judged === 0) return undefined;
  // Compared on the exact ratio; the percent is only what reports print.
  const passed = passing * 100 >= threshold * judged;
  const actual = percent(passing, judged);
  return {
    rule: 'min-pass-rate',
    scope,
    passed,
    threshold,
    actual,
    message:
      `${scope}: pass rate ${actual}% (${passing} of ${judged} judged cases) ` +
      `${passed ? 'meets' : 'is below'} the minimum ${threshold}%`,
    ...(passed ? {} : { cases: notPassing.slice(0, 50) }),
  };
}

/**
 * One min-pass-rate rule per configured scope that has judged cases. Errored cases count
 * against the rate (never a pass); unsupported ones and the suppressed ones the caller removed
 * do not count at all.
 */
export function passRateRules(thresholds: PassRateThresholds, cases: readonly CaseResult[]): GateRuleResult[] {
  const rules: Array<GateRuleResult | undefined> = [];
  if (thresholds.overall !== undefined) rules.push(rule('all', thresholds.overall, cases));
  for (const [severity, threshold] of Object.entries(thresholds.bySeverity ?? {})) {
    if (threshold !== undefined)
      rules.push(
        rule(
          `severity:${severity}`,
          threshold,
          cases.filter((c) => c.case.severity === severity),
        ),
      );
  }
  if (thresholds.unrated !== undefined)
    rules.push(
      rule(
        'unrated',
        thresholds.unrated,
        cases.filter((c) => c.case.severity === undefined),
      ),
    );
  for (const [stride, threshold] of Object.entries(thresholds.byStride ?? {})) {
    if (threshold !== undefined)
      rules.push(
        rule(
          `stride:${stride}`,
          threshold,
          cases.filter((c) => c.case.stride === stride),
        ),
      );
  }
  return rules.filter((r): r is GateRuleResult => r !== undefined);
}

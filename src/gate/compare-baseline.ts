import type { CaseResult } from '../report/generated/types.js';
import { caseKey } from '../report/case-key.js';
import type { Baseline, BaselineChange, BaselineStatus } from './generated/types.js';

const rank: Record<BaselineStatus, number> = { failed: 4, errored: 3, flaky: 2, passed: 1, unsupported: 0 };
const bad = new Set<string>(['failed', 'errored']);

/** Each case's status by its key; of repetitions of one case, the worst. */
export function statusesByKey(cases: readonly CaseResult[]): Map<string, BaselineStatus> {
  const out = new Map<string, BaselineStatus>();
  for (const c of cases) {
    const key = caseKey(c.case.id);
    const status = c.outcome.status;
    const before = out.get(key);
    if (before === undefined || rank[status] > rank[before]) out.set(key, status);
  }
  return out;
}

/**
 * Every case whose status differs from the baseline. A regression is a case that now fails or
 * errors although the baseline had it passing, flaky, unsupported or not at all; suppressed
 * cases are left out by the caller, as they are known.
 */
export function compareBaseline(baseline: Baseline, cases: readonly CaseResult[]): BaselineChange[] {
  const now = statusesByKey(cases);
  const changes: BaselineChange[] = [];
  for (const [caseId, after] of now) {
    const before = baseline.cases[caseId] ?? 'absent';
    if (before === after) continue;
    const kind =
      bad.has(after) && !bad.has(before)
        ? 'regression'
        : bad.has(before) && !bad.has(after) && after !== 'unsupported'
          ? 'fixed'
          : before === 'absent'
            ? 'new'
            : 'changed';
    changes.push({ caseId, before, after, kind });
  }
  for (const [caseId, before] of Object.entries(baseline.cases)) {
    if (before !== undefined && !now.has(caseId)) changes.push({ caseId, before, after: 'absent', kind: 'removed' });
  }
  return changes.sort((a, b) => a.caseId.localeCompare(b.caseId));
}

/** The baseline that --update-baseline writes from a run. */
export function baselineOf(
  report: { target: { name: string }; runId: string; corpus: { digest: string }; cases: readonly CaseResult[] },
  createdAt: string,
): Baseline {
  const cases = Object.fromEntries([...statusesByKey(report.cases)].sort(([a], [b]) => a.localeCompare(b)));
  return {
    schemaVersion: '1.0',
    target: report.target.name,
    createdAt,
    runId: report.runId,
    corpusDigest: report.corpus.digest,
    cases,
  };
}

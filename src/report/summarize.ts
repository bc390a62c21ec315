import type { CaseResult, Counts, Summary } from './generated/types.js';

function emptyCounts(): Counts {
  return { total: 0, passed: 0, failed: 0, errored: 0, unsupported: 0, flaky: 0 };
}

function count(into: Record<string, Counts>, key: string | undefined, status: CaseResult['outcome']['status']): void {
  if (key === undefined) return;
  const counts = (into[key] ??= emptyCounts());
  counts.total++;
  counts[status as keyof Omit<Counts, 'total'>]++;
}

/** Counts of every status, overall and per STRIDE category, severity and lane. */
export function summarize(cases: readonly CaseResult[]): Summary {
  const all = { all: emptyCounts() } as Record<string, Counts>;
  const byStride: Record<string, Counts> = {};
  const bySeverity: Record<string, Counts> = {};
  const byLane: Record<string, Counts> = {};
  for (const { case: info, outcome } of cases) {
    count(all, 'all', outcome.status);
    count(byStride, info.stride, outcome.status);
    count(bySeverity, info.severity, outcome.status);
    count(byLane, info.lane, outcome.status);
  }
  return { all: all['all']!, byStride, bySeverity, byLane };
}

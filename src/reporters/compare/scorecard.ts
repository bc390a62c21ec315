import { isPassing, isRated, suppressedIds, verdictOf, verdicts, type Verdict } from '../../report/case-verdict.js';
import type { CaseResult, ProfileResult, Report } from '../../report/generated/types.js';
import { unsupportedShare } from '../unsupported-share.js';

/** Passing and judged cases of one group. */
export interface Rate {
  passing: number;
  judged: number;
}

/** One executor's column of the scorecard. */
export interface ScorecardColumn {
  target: string;
  executor: string;
  gatePassed: boolean;
  overall: Rate;
  byStride: Record<string, Rate>;
  bySeverity: Record<string, Rate>;
  /**
   * Scenario id -> the worst verdict over its judged cases (languages, repetitions); unsupported
   * only when none was judged.
   */
  scenarios: Record<string, Verdict>;
  counts: Record<Verdict, number>;
  /** Profile id -> that profile's verdict for this executor (absent: not judged in its run). */
  profiles: Record<string, Pick<ProfileResult, 'status' | 'judged' | 'counts' | 'reasons'>>;
  /** Share of unsupported cases (of the profiles' cases when profiles were judged). */
  unsupportedShare: number;
}

/** Side-by-side results of several executors over the same scenarios. */
export interface Scorecard {
  columns: ScorecardColumn[];
  /** Every profile judged for at least one executor, in first-seen order: one row each. */
  profiles: string[];
  strides: string[];
  severities: string[];
  scenarios: Array<{ id: string; title: string; stride: string; severity: string }>;
}

function rate(cases: readonly CaseResult[], suppressed: ReadonlySet<string>): Rate {
  const vs = cases.map((c) => verdictOf(c, suppressed));
  return { passing: vs.filter(isPassing).length, judged: vs.filter(isRated).length };
}

function group(
  cases: readonly CaseResult[],
  key: (c: CaseResult) => string,
  suppressed: ReadonlySet<string>,
): Record<string, Rate> {
  const groups = new Map<string, CaseResult[]>();
  for (const c of cases) {
    const group = groups.get(key(c));
    if (group) group.push(c);
    else groups.set(key(c), [c]);
  }
  return Object.fromEntries([...groups].map(([k, cs]) => [k, rate(cs, suppressed)]));
}

/**
 * Severity order of a scenario's cell: a language the executor does not run (unsupported) must
 * not hide how the languages it does run fared, so it ranks below passed.
 */
const CELL_ORDER: readonly Verdict[] = ['failed', 'errored', 'flaky', 'suppressed', 'passed', 'unsupported'];

const STRIDE = [
  'spoofing',
  'tampering',
  'repudiation',
  'information-disclosure',
  'denial-of-service',
  'elevation-of-privilege',
];
const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'];

/** Builds the scorecard of several reports (one per executor). */
export function buildScorecard(reports: readonly Report[]): Scorecard {
  const scenarios = new Map<string, Scorecard['scenarios'][number]>();
  const columns = reports.map((report): ScorecardColumn => {
    const suppressed = suppressedIds(report.gate);
    const worst: Record<string, Verdict> = {};
    const counts = Object.fromEntries(verdicts.map((v) => [v, 0])) as Record<Verdict, number>;
    for (const c of report.cases) {
      const id = c.case.scenarioId ?? c.case.id.replace(/#\d+$/, '');
      if (!scenarios.has(id))
        scenarios.set(id, {
          id,
          title: c.case.title,
          stride: c.case.stride ?? 'unclassified',
          severity: c.case.severity ?? 'unrated',
        });
      const v = verdictOf(c, suppressed);
      counts[v]++;
      if (worst[id] === undefined || CELL_ORDER.indexOf(v) < CELL_ORDER.indexOf(worst[id]!)) worst[id] = v;
    }
    const init = report.target.initialize;
    return {
      target: report.target.name,
      executor: init ? `${init.executorInfo.name} ${init.executorInfo.version}` : report.target.description,
      gatePassed: report.gate.passed,
      overall: rate(report.cases, suppressed),
      byStride: group(report.cases, (c) => c.case.stride ?? 'unclassified', suppressed),
      bySeverity: group(report.cases, (c) => c.case.severity ?? 'unrated', suppressed),
      scenarios: worst,
      counts,
      profiles: Object.fromEntries(
        (report.profiles ?? []).map((p) => [
          p.id,
          { status: p.status, judged: p.judged, counts: p.counts, reasons: p.reasons },
        ]),
      ),
      unsupportedShare: unsupportedShare(report).share,
    };
  });
  const present = (all: string[], key: 'byStride' | 'bySeverity') =>
    [...all, 'unclassified', 'unrated'].filter((k) => columns.some((c) => c[key][k]));
  return {
    columns,
    profiles: [...new Set(columns.flatMap((c) => Object.keys(c.profiles)))],
    strides: present(STRIDE, 'byStride'),
    severities: present(SEVERITIES, 'bySeverity'),
    scenarios: [...scenarios.values()].sort(
      (a, b) =>
        STRIDE.indexOf(a.stride) - STRIDE.indexOf(b.stride) ||
        SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
        a.id.localeCompare(b.id),
    ),
  };
}

/** "95.0% (19/20)", or "–" when nothing was judged. */
export function formatRate(r: Rate | undefined): string {
  if (!r || r.judged === 0) return '–';
  return `${(Math.floor((r.passing / r.judged) * 1000) / 10).toFixed(1)}% (${r.passing}/${r.judged})`;
}

import type { Report } from '../report/generated/types.js';

/** Above this share of unsupported cases, every human format says so prominently, even when the gate passes. */
export const UNSUPPORTED_WARNING_SHARE = 0.2;

/**
 * The unsupported cases and their share, with the warning to show above 20%. With profiles the
 * share is over the cases of the profiles (a case in a language the executor does not declare is
 * no profile's business); without, over every case.
 */
export function unsupportedShare(report: Pick<Report, 'summary' | 'profiles' | 'cases'>): {
  unsupported: number;
  total: number;
  share: number;
  warning?: string;
} {
  let { unsupported, total } = report.summary.all;
  if (report.profiles?.length) {
    const ids = new Set(report.profiles.flatMap((p) => p.cases));
    const cases = report.cases.filter((c) => ids.has(c.case.id));
    total = cases.length;
    unsupported = cases.filter((c) => c.outcome.status === 'unsupported').length;
  }
  const share = total ? unsupported / total : 0;
  if (share <= UNSUPPORTED_WARNING_SHARE) return { unsupported, total, share };
  const pct = (share * 100).toFixed(1);
  const scope = report.profiles?.length
    ? ` of the profiles ${report.profiles.map((p) => p.id).join(', ')}`
    : ', and no profile was judged: a pass covers only what the executor chose to be tested on';
  return {
    unsupported,
    total,
    share,
    warning:
      `${unsupported} of ${total} cases${scope.startsWith(' of') ? scope : ''} (${pct}%) ` +
      `were unsupported and not judged${scope.startsWith(',') ? scope : ''}`,
  };
}

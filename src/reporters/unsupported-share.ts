import type { Report } from '../report/generated/types.js';

/** Above this share of unsupported cases, every human format says so prominently, even when the gate passes. */
export const UNSUPPORTED_WARNING_SHARE = 0.2;

/** The run's unsupported cases and their share, and the warning to show when the share is above 20%. */
export function unsupportedShare(report: Pick<Report, 'summary' | 'profiles'>): { unsupported: number; total: number; share: number; warning?: string } {
  const { unsupported, total } = report.summary.all;
  const share = total ? unsupported / total : 0;
  if (share <= UNSUPPORTED_WARNING_SHARE) return { unsupported, total, share };
  const pct = (share * 100).toFixed(1);
  const scope = report.profiles?.length ? '' : ' and no profile was judged, so a pass only covers what the executor chose to be tested on';
  return { unsupported, total, share, warning: `${unsupported} of ${total} cases (${pct}%) were unsupported: they were not judged${scope}` };
}

import type { Report } from '../../report/generated/types.js';
import { unsupportedShare } from '../unsupported-share.js';
import { t } from './text.js';

const BADGE = { passed: 'pass', failed: 'fail', partial: 'partial' } as const;

/**
 * The top of the report: a badge per conformance profile (passed, failed, partial) with what a
 * pass promises and why it failed, and a banner when more than 20% of the cases were unsupported.
 */
export function profilesSection(report: Report): string {
  const { warning } = unsupportedShare(report);
  const banner = warning
    ? `<p class="banner" id="unsupported-warning"><strong>Warning:</strong> ${t(warning)}</p>`
    : '';
  const profiles = report.profiles ?? [];
  if (!profiles.length)
    return `${banner}<section id="profiles"><p class="muted">No conformance profile was judged (--profile none).</p></section>`;
  const badges = profiles
    .map(
      (p) =>
        `<span class="verdict ${BADGE[p.status]}" data-profile="${t(p.id)}">${t(p.id)}: ${p.status.toUpperCase()}</span>`,
    )
    .join(' ');
  const details = profiles
    .map((p) => {
      const reasons = p.reasons.length
        ? `<ul class="reasons">${p.reasons.map((r) => `<li>${t(r)}</li>`).join('')}</ul>`
        : '';
      const partial =
        p.status === 'partial'
          ? ` ${p.notSelected} of its cases were not selected, so this is no conformance verdict.`
          : '';
      return `<details${p.status === 'failed' ? ' open' : ''}><summary><strong>${t(p.title)}</strong> — ${p.status}: ${p.judged} judged, ${p.counts.failed} failed, ${p.counts.errored} errored, ${p.counts.unsupported} unsupported (${(p.unsupportedShare * 100).toFixed(1)}%), languages ${t(p.languages.join(', ') || 'none')}.${partial}</summary><p>${t(p.promise)}</p>${reasons}</details>`;
    })
    .join('\n');
  return `${banner}<section id="profiles"><h2>Conformance profiles</h2><p class="badges">${badges}</p>${details}</section>`;
}

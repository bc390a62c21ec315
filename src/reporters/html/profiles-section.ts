import type { ProfileResult, Report } from '../../report/generated/types.js';
import { html, type HtmlMarkup } from '../markup/html-tag.js';
import { unsupportedShare } from '../unsupported-share.js';

const BADGE = { passed: 'pass', failed: 'fail', partial: 'partial' } as const;

const NONE_JUDGED = html`<p class="muted">No conformance profile was judged (--profile none).</p>`;

/** One profile, open when it failed: its counts, what a pass promises, and why it did not pass. */
function profileDetails(p: ProfileResult): HtmlMarkup {
  const reasons = p.reasons.length > 0 && html`<ul class="reasons">${p.reasons.map((r) => html`<li>${r}</li>`)}</ul>`;
  const partial =
    p.status === 'partial' && ` ${p.notSelected} of its cases were not selected, so this is no conformance verdict.`;
  const counts =
    `${p.judged} judged, ${p.counts.failed} failed, ${p.counts.errored} errored, ` +
    `${p.counts.unsupported} unsupported (${(p.unsupportedShare * 100).toFixed(1)}%)`;
  const languages = p.languages.join(', ') || 'none';
  const summary = html`<strong>${p.title}</strong> — ${p.status}: ${counts}, languages ${languages}.${partial}`;
  const open = p.status === 'failed' && html` open`;
  return html`<details${open}><summary>${summary}</summary><p>${p.promise}</p>${reasons}</details>`;
}

/**
 * The top of the report: a badge per conformance profile (passed, failed, partial) with what a
 * pass promises and why it failed, and a banner when more than 20% of the cases were unsupported.
 */
export function profilesSection(report: Report): HtmlMarkup {
  const { warning } = unsupportedShare(report);
  const banner = warning && html`<p class="banner" id="unsupported-warning"><strong>Warning:</strong> ${warning}</p>`;
  const profiles = report.profiles ?? [];
  if (!profiles.length) return html`${banner}<section id="profiles">${NONE_JUDGED}</section>`;
  const badges = profiles.map(
    (p) =>
      html`<span class="verdict ${BADGE[p.status]}" data-profile="${p.id}">${p.id}: ${p.status.toUpperCase()}</span>`,
  );
  const details = html.join(profiles.map(profileDetails), '\n');
  const heading = html`<h2>Conformance profiles</h2><p class="badges">${html.join(badges, ' ')}</p>`;
  return html`${banner}<section id="profiles">${heading}${details}</section>`;
}

import type { CaseInfo, StepRecord } from '../../report/generated/types.js';
import { attackUrl, cweUrl, linkableUrl } from '../classification-urls.js';
import { t } from './text.js';

/** A link that leaves the report: no referrer, no opener; the href is escaped like any text. */
function link(href: string, text: string): string {
  return `<a href="${t(href, 2000)}" rel="noopener noreferrer" target="_blank">${t(text, 2000)}</a>`;
}

function idLink(id: string, url: string | undefined): string {
  return url ? link(url, id) : t(id);
}

/** CWE, ATT&CK and CAPEC ids; CWE and ATT&CK link to their public pages. */
export function classificationHtml(info: CaseInfo): string {
  const c = info.classification;
  if (!c) return '';
  return [
    ...c.cwe.map((id) => idLink(id, cweUrl(id))),
    ...(c.attack ?? []).map((id) => idLink(id, attackUrl(id))),
    ...(c.capec ?? []).map((id) => t(id)),
  ].join(', ');
}

/** The scenario's references: http(s) URLs as links, anything else as text. */
export function referencesHtml(info: CaseInfo): string {
  const refs = info.references ?? [];
  if (!refs.length) return '';
  return `<ul class="refs">${refs
    .map((r) => {
      const url = linkableUrl(r);
      return `<li>${url ? link(url, r) : t(r)}</li>`;
    })
    .join('')}</ul>`;
}

/** The code each step sent, collapsed: the attack as the executor received it. */
export function attackCodeHtml(steps: readonly StepRecord[]): string {
  const sent = steps.filter((s): s is StepRecord & { code: string } => s.code !== undefined);
  if (!sent.length) return '';
  return `<details class="code"><summary>Attack code sent (${sent.length} step${sent.length === 1 ? '' : 's'})</summary>${sent.map((s) => `<p class="muted">step <code>${t(s.id, 200)}</code>${s.language ? ` (${t(s.language)})` : ''}</p><pre class="attack-code">${t(s.code, 4200)}</pre>`).join('')}</details>`;
}

/** Markdown prose (a description, a remediation) as escaped paragraphs: blank lines split them, single line breaks wrap like spaces. */
export function proseHtml(text: string): string {
  return t(text)
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) => `<p>${paragraph}</p>`)
    .join('');
}

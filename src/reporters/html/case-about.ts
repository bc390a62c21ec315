import type { CaseInfo, StepRecord } from '../../report/generated/types.js';
import { attackUrl, cweUrl, linkableUrl } from '../classification-urls.js';
import { html, type HtmlMarkup } from '../markup/html-tag.js';
import { htmlText } from '../markup/html-text.js';
import { safeText, TEXT_LIMIT } from '../safe-text.js';

/** A link that leaves the report: no referrer, no opener; the href is escaped like any text. */
function link(href: string, text: string): HtmlMarkup {
  return html`<a href="${htmlText(href, 2000)}" rel="noopener noreferrer" target="_blank">${htmlText(text, 2000)}</a>`;
}

function idLink(id: string, url: string | undefined): HtmlMarkup {
  return url ? link(url, id) : html`${id}`;
}

/** CWE, ATT&CK and CAPEC ids, CWE and ATT&CK linked to their public pages; nothing without any. */
export function classificationHtml(info: CaseInfo): HtmlMarkup | undefined {
  const c = info.classification;
  if (!c) return undefined;
  const ids = [
    ...c.cwe.map((id) => idLink(id, cweUrl(id))),
    ...(c.attack ?? []).map((id) => idLink(id, attackUrl(id))),
    ...(c.capec ?? []).map((id) => html`${id}`),
  ];
  return ids.length ? html.join(ids, ', ') : undefined;
}

/** The scenario's references, http(s) URLs as links and anything else as text; nothing without any. */
export function referencesHtml(info: CaseInfo): HtmlMarkup | undefined {
  const refs = info.references ?? [];
  if (!refs.length) return undefined;
  const items = refs.map((r) => {
    const url = linkableUrl(r);
    return html`<li>${url ? link(url, r) : r}</li>`;
  });
  return html`<ul class="refs">${items}</ul>`;
}

/** The code each step sent, collapsed: the attack as the executor received it. Nothing when no step sent code. */
export function attackCodeHtml(steps: readonly StepRecord[]): HtmlMarkup | undefined {
  const sent = steps.filter((s): s is StepRecord & { code: string } => s.code !== undefined);
  if (!sent.length) return undefined;
  const blocks = sent.map((s) => [
    html`<p class="muted">step <code>${htmlText(s.id, 200)}</code>${s.language && html` (${s.language})`}</p>`,
    html`<pre class="attack-code">${htmlText(s.code, 4200)}</pre>`,
  ]);
  const summary = `Attack code sent (${sent.length} step${sent.length === 1 ? '' : 's'})`;
  return html`<details class="code"><summary>${summary}</summary>${blocks}</details>`;
}

/**
 * Markdown prose (a description, a remediation) as escaped paragraphs: blank lines split them,
 * single line breaks wrap like spaces. The text is bounded as a whole, then split.
 */
export function proseHtml(text: string): HtmlMarkup {
  const paragraphs = safeText(text, TEXT_LIMIT)
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '');
  // Each paragraph is already bounded and neutralised with the whole: only escaping is left.
  return html`${paragraphs.map((paragraph) => html`<p>${htmlText(paragraph, Number.POSITIVE_INFINITY)}</p>`)}`;
}

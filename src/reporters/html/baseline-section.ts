import type { BaselineChange } from '../../gate/generated/types.js';
import type { Report } from '../../report/generated/types.js';
import { html, type HtmlMarkup } from '../markup/html-tag.js';
import { tableHead } from './table-head.js';

const order = ['regression', 'new', 'changed', 'fixed', 'removed'];

function changeRow(c: BaselineChange): HtmlMarkup {
  const cells = [
    html`<td class="kind-${c.kind}">${c.kind}</td>`,
    html`<td><code>${c.caseId}</code></td>`,
    html`<td>${c.before}</td>`,
    html`<td>${c.after}</td>`,
  ];
  return html`<tr data-change="${c.kind}">${cells}</tr>`;
}

/** The diff against the baseline, regressions first; nothing when the run had no baseline. */
export function baselineSection(report: Report): HtmlMarkup | undefined {
  const baseline = report.gate.baseline;
  if (!baseline) return undefined;
  const changes = [...baseline.changes].sort(
    (a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.caseId.localeCompare(b.caseId),
  );
  const counts = order.map((k) => `${changes.filter((c) => c.kind === k).length} ${k}`).join(', ');
  const rows = html.join(changes.map(changeRow), '\n');
  const table = changes.length
    ? html`<table>${tableHead(['change', 'case', 'before', 'now'])}<tbody>${rows}</tbody></table>`
    : html`<p>No case changed.</p>`;
  const intro = html`<p class="muted">Baseline <code>${baseline.file}</code> of ${baseline.createdAt}: ${counts}.</p>`;
  return html`<section id="baseline"><h2>Against the baseline</h2>${intro}${table}</section>`;
}

import type { ProtocolViolations } from '../../report/generated/types.js';
import { html, type HtmlMarkup } from '../markup/html-tag.js';
import { htmlText } from '../markup/html-text.js';
import { violationsSummary } from '../protocol-violations-text.js';
import { tableHead } from './table-head.js';

/** Protocol violations in the HTML report: the count by kind, then each kept violation with its frame. */
export function violationsBlock(violations: ProtocolViolations): HtmlMarkup {
  const rows = violations.first.map((v) => {
    const cells = [
      html`<td><code>${v.kind}</code></td>`,
      html`<td>${v.method ?? ''}</td>`,
      html`<td>${htmlText(v.detail, 500)}</td>`,
      html`<td><pre class="evidence">${htmlText(v.excerpt, 300)}</pre></td>`,
    ];
    return html`<tr>${cells}</tr>`;
  });
  const notListed = violations.total - violations.first.length;
  const more = notListed > 0 && html`<tr><td colspan="4">… ${notListed} more, counted above</td></tr>`;
  const head = tableHead(['kind', 'method', 'detail', 'frame']);
  const table = html`<table class="steps">${head}<tbody>${rows}${more}</tbody></table>`;
  return html`<div class="violations"><p><strong>${violationsSummary(violations)}</strong></p>${table}</div>`;
}

import { html, type HtmlMarkup } from '../markup/html-tag.js';

/** A table's header: one row with a th per label. */
export function tableHead(labels: readonly string[]): HtmlMarkup {
  return html`<thead><tr>${labels.map((label) => html`<th>${label}</th>`)}</tr></thead>`;
}

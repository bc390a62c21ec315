import type { GateRuleResult } from '../../gate/generated/types.js';
import type { Report } from '../../report/generated/types.js';
import { html, type HtmlMarkup } from '../markup/html-tag.js';
import { htmlText } from '../markup/html-text.js';
import { tableHead } from './table-head.js';

const listItem = (text: string) => html`<li>${text}</li>`;

function ruleRow(r: GateRuleResult): HtmlMarkup {
  const result = r.passed ? 'passed' : 'failed';
  const cases = r.cases?.length
    ? html`<br><small>cases: ${html.join(
        r.cases.map((id) => html`<code>${htmlText(id, 300)}</code>`),
        ', ',
      )}</small>`
    : undefined;
  const cells = [
    html`<td><span class="badge b-${result}">${r.passed ? 'held' : 'FAILED'}</span></td>`,
    html`<td><code>${r.rule}</code></td>`,
    html`<td>${r.scope}</td>`,
    html`<td>${r.threshold}</td>`,
    html`<td>${r.actual}</td>`,
    html`<td>${r.message}${cases}</td>`,
  ];
  return html`<tr class="rule-${result}" data-rule="${r.rule}">${cells}</tr>`;
}

function rulesTable(report: Report): HtmlMarkup {
  const rules = [...(report.gate.rules ?? [])].sort((a, b) => Number(a.passed) - Number(b.passed));
  if (!rules.length) return html`<ul>${report.gate.reasons.map(listItem)}</ul>`;
  const head = tableHead(['result', 'rule', 'scope', 'threshold', 'actual', 'explanation']);
  return html`<table class="rules">${head}<tbody>${html.join(rules.map(ruleRow), '\n')}</tbody></table>`;
}

function expectationsTable(report: Report): HtmlMarkup | undefined {
  const applied = report.gate.expectations ?? [];
  if (!applied.length) return undefined;
  const row = ({ expectation, effect }: (typeof applied)[number]) => {
    const cells = [
      html`<td><code>${expectation.scenario}</code></td>`,
      html`<td>${expectation.expected}</td>`,
      html`<td>${effect}</td>`,
      html`<td>${expectation.owner}</td>`,
      html`<td>${expectation.expires}</td>`,
      html`<td>${expectation.justification}</td>`,
    ];
    return html`<tr>${cells}</tr>`;
  };
  const head = tableHead(['scenario', 'expected', 'effect', 'owner', 'expires', 'justification']);
  return html`<h3>Expectations</h3><table>${head}<tbody>${html.join(applied.map(row), '\n')}</tbody></table>`;
}

/** Why the gate passed or failed: every rule with its threshold and observed value, failed first. */
export function gateSection(report: Report): HtmlMarkup {
  const harnessError = (e: Report['harnessErrors'][number]) =>
    html`<li><code>${e.code}</code> ${e.message}${e.path && html` <span class="muted">(${e.path})</span>`}</li>`;
  const harness =
    report.harnessErrors.length > 0 &&
    html`<h3>Harness errors (the run exits 2)</h3><ul>${report.harnessErrors.map(harnessError)}</ul>`;
  const failedBecause =
    !report.gate.passed &&
    html`<p><strong>Failed because:</strong></p><ul class="reasons">${report.gate.reasons.map(listItem)}</ul>`;
  const title = html`<h2>Gate: ${report.gate.passed ? 'passed' : 'failed'}</h2>`;
  const tables = [rulesTable(report), expectationsTable(report)];
  return html`<section id="gate">${title}${failedBecause}${tables}${harness}</section>`;
}

import type { Report } from '../../report/generated/types.js';
import { t } from './text.js';

function rulesTable(report: Report): string {
  const rules = [...(report.gate.rules ?? [])].sort((a, b) => Number(a.passed) - Number(b.passed));
  if (!rules.length) return `<ul>${report.gate.reasons.map((r) => `<li>${t(r)}</li>`).join('')}</ul>`;
  const row = (r: (typeof rules)[number]) =>
    `<tr class="rule-${r.passed ? 'passed' : 'failed'}" data-rule="${t(r.rule)}"><td><span class="badge b-${r.passed ? 'passed' : 'failed'}">${r.passed ? 'held' : 'FAILED'}</span></td><td><code>${t(r.rule)}</code></td><td>${t(r.scope)}</td><td>${t(r.threshold)}</td><td>${t(r.actual)}</td><td>${t(r.message)}${r.cases?.length ? `<br><small>cases: ${r.cases.map((id) => `<code>${t(id, 300)}</code>`).join(', ')}</small>` : ''}</td></tr>`;
  return `<table class="rules"><thead><tr><th>result</th><th>rule</th><th>scope</th><th>threshold</th><th>actual</th><th>explanation</th></tr></thead><tbody>${rules.map(row).join('\n')}</tbody></table>`;
}

function expectationsTable(report: Report): string {
  const applied = report.gate.expectations ?? [];
  if (!applied.length) return '';
  const row = (a: (typeof applied)[number]) =>
    `<tr><td><code>${t(a.expectation.scenario)}</code></td><td>${t(a.expectation.expected)}</td><td>${t(a.effect)}</td><td>${t(a.expectation.owner)}</td><td>${t(a.expectation.expires)}</td><td>${t(a.expectation.justification)}</td></tr>`;
  return `<h3>Expectations</h3><table><thead><tr><th>scenario</th><th>expected</th><th>effect</th><th>owner</th><th>expires</th><th>justification</th></tr></thead><tbody>${applied.map(row).join('\n')}</tbody></table>`;
}

/** Why the gate passed or failed: every rule with its threshold and observed value, failed first. */
export function gateSection(report: Report): string {
  const harness = report.harnessErrors.length
    ? `<h3>Harness errors (the run exits 2)</h3><ul>${report.harnessErrors.map((e) => `<li><code>${t(e.code)}</code> ${t(e.message)}${e.path ? ` <span class="muted">(${t(e.path)})</span>` : ''}</li>`).join('')}</ul>`
    : '';
  return `<section id="gate"><h2>Gate: ${report.gate.passed ? 'passed' : 'failed'}</h2>${report.gate.passed ? '' : `<p><strong>Failed because:</strong></p><ul class="reasons">${report.gate.reasons.map((r) => `<li>${t(r)}</li>`).join('')}</ul>`}${rulesTable(report)}${expectationsTable(report)}${harness}</section>`;
}

import type { Report } from '../../report/generated/types.js';
import { t } from './text.js';

const order = ['regression', 'new', 'changed', 'fixed', 'removed'];

/** The diff against the baseline, regressions first; nothing when the run had no baseline. */
export function baselineSection(report: Report): string {
  const baseline = report.gate.baseline;
  if (!baseline) return '';
  const changes = [...baseline.changes].sort(
    (a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.caseId.localeCompare(b.caseId),
  );
  const counts = order.map((k) => `${changes.filter((c) => c.kind === k).length} ${k}`).join(', ');
  const rows = changes
    .map(
      (c) =>
        `<tr data-change="${t(c.kind)}"><td class="kind-${t(c.kind)}">${t(c.kind)}</td><td><code>${t(c.caseId)}</code></td><td>${t(c.before)}</td><td>${t(c.after)}</td></tr>`,
    )
    .join('\n');
  return `<section id="baseline"><h2>Against the baseline</h2><p class="muted">Baseline <code>${t(baseline.file)}</code> of ${t(baseline.createdAt)}: ${t(counts)}.</p>${changes.length ? `<table><thead><tr><th>change</th><th>case</th><th>before</th><th>now</th></tr></thead><tbody>${rows}</tbody></table>` : '<p>No case changed.</p>'}</section>`;
}

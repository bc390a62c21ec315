import { escapeMarkdown, markdownCode } from '../escape-markdown.js';
import { escapeMarkup } from '../escape-markup.js';
import { safeText } from '../safe-text.js';
import { UNSUPPORTED_WARNING_SHARE } from '../unsupported-share.js';
import { formatRate, type Scorecard, type ScorecardColumn } from './scorecard.js';

/** A profile's cell: "✅ passed (223 judged)", "❌ failed: <first reason>", or "–" when the run did not judge it. */
function profileCell(column: ScorecardColumn, id: string): string {
  const p = column.profiles[id];
  if (!p) return '–';
  if (p.status === 'passed') return `✅ passed (${p.judged} judged)`;
  if (p.status === 'partial') return `◐ partial (${p.judged} judged)`;
  return `❌ failed: ${p.reasons[0] ?? ''}${p.reasons.length > 1 ? ` (+${p.reasons.length - 1} more)` : ''}`;
}

/** The unsupported share, flagged above 20% so that a pass over a small judged part cannot pass unnoticed. */
function unsupportedCell(column: ScorecardColumn): string {
  const pct = `${(column.unsupportedShare * 100).toFixed(1)}%`;
  return column.unsupportedShare > UNSUPPORTED_WARNING_SHARE ? `⚠️ ${pct}` : pct;
}

/** Every string of a report is executor- or scenario-supplied: inert in Markdown, whatever it holds. */
const mdCell = (text: string) => escapeMarkdown(safeText(text, 300));
const mark: Record<string, string> = {
  passed: '✅ passed',
  failed: '❌ failed',
  errored: '⚠️ errored',
  flaky: '🔁 flaky',
  suppressed: '🔕 suppressed',
  unsupported: '➖ unsupported',
};

function rows(card: Scorecard): Array<{ label: string; cells: string[] }> {
  return [
    { label: 'gate', cells: card.columns.map((c) => (c.gatePassed ? 'passed' : 'failed')) },
    ...card.profiles.map((id) => ({ label: `profile ${id}`, cells: card.columns.map((c) => profileCell(c, id)) })),
    { label: 'unsupported share', cells: card.columns.map(unsupportedCell) },
    { label: 'all cases', cells: card.columns.map((c) => formatRate(c.overall)) },
    ...card.strides.map((s) => ({ label: s, cells: card.columns.map((c) => formatRate(c.byStride[s])) })),
    ...card.severities.map((s) => ({
      label: `severity ${s}`,
      cells: card.columns.map((c) => formatRate(c.bySeverity[s])),
    })),
    {
      label: 'failed / errored / unsupported',
      cells: card.columns.map((c) => `${c.counts.failed} / ${c.counts.errored} / ${c.counts.unsupported}`),
    },
  ];
}

/** The scorecard as Markdown (for docs/scorecard.md): pass rates per category, then every scenario. */
export function scorecardMarkdown(card: Scorecard): string {
  const head = `| | ${card.columns.map((c) => mdCell(c.target)).join(' | ')} |\n|---|${card.columns.map(() => '---').join('|')}|`;
  // Rates, counts and the gate's word are the harness's own text; labels come from the reports.
  const summary = rows(card)
    .map((r) => `| ${mdCell(r.label)} | ${r.cells.join(' | ')} |`)
    .join('\n');
  const executors = card.columns.map((c) => `- **${mdCell(c.target)}**: ${mdCell(c.executor)}`).join('\n');
  const scenarios = card.scenarios
    .map(
      (s) =>
        `| ${markdownCode(safeText(s.id, 300))} | ${mdCell(s.severity)} | ${card.columns.map((c) => mark[c.scenarios[s.id] ?? ''] ?? '–').join(' | ')} |`,
    )
    .join('\n');
  return `# Executor scorecard\n\nPass rate = (passed + flaky) / judged cases; unsupported and suppressed cases are not judged, errored ones count against the rate. A profile passes only when the executor declares every capability it requires and every one of its cases was judged; ⚠️ marks an unsupported share above 20%.\n\n${executors}\n\n${head}\n${summary}\n\n## Scenarios\n\n| scenario | severity | ${card.columns.map((c) => mdCell(c.target)).join(' | ')} |\n|---|---|${card.columns.map(() => '---').join('|')}|\n${scenarios}\n`;
}

/** The scorecard as a self-contained HTML page (no script, no network). */
export function scorecardHtml(card: Scorecard): string {
  const h = (text: string) => escapeMarkup(safeText(text, 500));
  const head = `<tr><th></th>${card.columns.map((c) => `<th>${h(c.target)}<br><small>${h(c.executor)}</small></th>`).join('')}</tr>`;
  const summary = rows(card)
    .map((r) => `<tr><th>${h(r.label)}</th>${r.cells.map((x) => `<td>${h(x)}</td>`).join('')}</tr>`)
    .join('\n');
  const scenarios = card.scenarios
    .map(
      (s) =>
        `<tr><th><code>${h(s.id)}</code><br><small>${h(s.title)}</small></th><td>${h(s.severity)}</td>${card.columns.map((c) => `<td class="v-${h(c.scenarios[s.id] ?? 'none')}">${h(c.scenarios[s.id] ?? '–')}</td>`).join('')}</tr>`,
    )
    .join('\n');
  const style =
    'body{font:14px system-ui,sans-serif;margin:24px}table{border-collapse:collapse;margin:12px 0}th,td{border:1px solid #d8dde3;padding:4px 8px;text-align:left}.v-passed{background:#dcefdc}.v-failed{background:#f8d7d5}.v-errored{background:#eedcf2}.v-flaky{background:#fde6cf}';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"><title>Gauntlet scorecard</title><style>${style}</style></head><body><h1>Executor scorecard</h1><p>Pass rate = (passed + flaky) / judged cases; unsupported and suppressed cases are not judged, errored ones count against the rate.</p><table>${head}${summary}</table><h2>Scenarios</h2><table><tr><th>scenario</th><th>severity</th>${card.columns.map((c) => `<th>${h(c.target)}</th>`).join('')}</tr>${scenarios}</table></body></html>\n`;
}

import { escapeMarkdown, markdownCode } from '../escape-markdown.js';
import { html } from '../markup/html-tag.js';
import { htmlText } from '../markup/html-text.js';
import { rawHtml } from '../markup/raw-html.js';
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

const RATE_NOTE =
  'Pass rate = (passed + flaky) / judged cases; unsupported and suppressed cases are not judged, ' +
  'errored ones count against the rate.';

const PROFILE_NOTE =
  'A profile passes only when the executor declares every capability it requires and every one of its cases ' +
  'was judged; ⚠️ marks an unsupported share above 20%.';

/** The scorecard as Markdown (for docs/scorecard.md): pass rates per category, then every scenario. */
export function scorecardMarkdown(card: Scorecard): string {
  const targets = card.columns.map((c) => mdCell(c.target)).join(' | ');
  const rule = card.columns.map(() => '---').join('|');
  // Rates, counts and the gate's word are the harness's own text; labels come from the reports.
  const summary = rows(card)
    .map((r) => `| ${mdCell(r.label)} | ${r.cells.join(' | ')} |`)
    .join('\n');
  const executors = card.columns.map((c) => `- **${mdCell(c.target)}**: ${mdCell(c.executor)}`).join('\n');
  const scenarios = card.scenarios
    .map((s) => {
      const marks = card.columns.map((c) => mark[c.scenarios[s.id] ?? ''] ?? '–').join(' | ');
      return `| ${markdownCode(safeText(s.id, 300))} | ${mdCell(s.severity)} | ${marks} |`;
    })
    .join('\n');
  const summaryTable = `| | ${targets} |\n|---|${rule}|\n${summary}`;
  const scenarioTable = `| scenario | severity | ${targets} |\n|---|---|${rule}|\n${scenarios}`;
  const intro = `${RATE_NOTE} ${PROFILE_NOTE}`;
  return `# Executor scorecard\n\n${intro}\n\n${executors}\n\n${summaryTable}\n\n## Scenarios\n\n${scenarioTable}\n`;
}

const STYLE_RULES =
  'body{font:14px system-ui,sans-serif;margin:24px}table{border-collapse:collapse;margin:12px 0}' +
  'th,td{border:1px solid #d8dde3;padding:4px 8px;text-align:left}.v-passed{background:#dcefdc}' +
  '.v-failed{background:#f8d7d5}.v-errored{background:#eedcf2}.v-flaky{background:#fde6cf}';
const STYLE = html`<style>${rawHtml(STYLE_RULES)}</style>`;

/** The page loads nothing and runs nothing: its one inline stylesheet is all it may use. */
const POLICY_TEXT = "default-src 'none'; style-src 'unsafe-inline'";
const POLICY = html`<meta http-equiv="Content-Security-Policy" content="${rawHtml(POLICY_TEXT)}">`;

/** The scorecard as a self-contained HTML page (no script, no network). */
export function scorecardHtml(card: Scorecard): string {
  // Every string of a report is executor- or scenario-supplied; the scorecard bounds each at 500.
  const h = (text: string) => htmlText(text, 500);
  const targets = card.columns.map((c) => html`<th>${h(c.target)}</th>`);
  const columns = card.columns.map((c) => html`<th>${h(c.target)}<br><small>${h(c.executor)}</small></th>`);
  const summary = rows(card).map(
    (r) => html`<tr><th>${h(r.label)}</th>${r.cells.map((x) => html`<td>${h(x)}</td>`)}</tr>`,
  );
  const scenarios = card.scenarios.map((s) => {
    const verdicts = card.columns.map((c) => {
      const verdict = c.scenarios[s.id];
      return html`<td class="v-${h(verdict ?? 'none')}">${h(verdict ?? '–')}</td>`;
    });
    const scenario = html`<th><code>${h(s.id)}</code><br><small>${h(s.title)}</small></th>`;
    return html`<tr>${scenario}<td>${h(s.severity)}</td>${verdicts}</tr>`;
  });
  const summaryTable = html`<table><tr><th></th>${columns}</tr>${html.join(summary, '\n')}</table>`;
  const scenarioHead = html`<tr><th>scenario</th><th>severity</th>${targets}</tr>`;
  const scenarioTable = html`<table>${scenarioHead}${html.join(scenarios, '\n')}</table>`;
  const head = html`<head><meta charset="utf-8">${POLICY}<title>Gauntlet scorecard</title>${STYLE}</head>`;
  const tables = html`${summaryTable}<h2>Scenarios</h2>${scenarioTable}`;
  const body = html`<body><h1>Executor scorecard</h1><p>${RATE_NOTE}</p>${tables}</body>`;
  return html`<!doctype html><html lang="en">${head}${body}</html>\n`.toString();
}

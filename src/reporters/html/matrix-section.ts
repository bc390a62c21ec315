import { isPassing, isRated, verdictOf, verdicts, type Verdict } from '../../report/case-verdict.js';
import type { CaseResult } from '../../report/generated/types.js';
import { html, type HtmlMarkup } from '../markup/html-tag.js';
import { tableHead } from './table-head.js';

export const STRIDE = [
  'spoofing',
  'tampering',
  'repudiation',
  'information-disclosure',
  'denial-of-service',
  'elevation-of-privilege',
] as const;
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;

function cell(
  cases: readonly CaseResult[],
  suppressed: ReadonlySet<string>,
  stride: string,
  severity: string | undefined,
): HtmlMarkup {
  if (!cases.length) return html`<td class="empty" title="no case">–</td>`;
  const tally = new Map<Verdict, number>();
  for (const c of cases) tally.set(verdictOf(c, suppressed), (tally.get(verdictOf(c, suppressed)) ?? 0) + 1);
  const worst = verdicts.find((v) => tally.has(v))!;
  const count = (keep: (v: Verdict) => boolean) => [...tally].reduce((sum, [v, n]) => sum + (keep(v) ? n : 0), 0);
  const judged = count(isRated);
  const passing = count(isPassing);
  const detail = verdicts
    .filter((v) => v !== 'passed' && tally.has(v))
    .map((v) => `${tally.get(v)} ${v}`)
    .join(', ');
  const data = html`data-stride="${stride}" data-severity="${severity ?? ''}"`;
  const title = `${stride} / ${severity ?? 'all severities'}: ${detail || 'all passed'}`;
  const counts = html`<strong>${passing}/${judged}</strong>${detail && html`<br><small>${detail}</small>`}`;
  return html`<td class="w-${worst}" ${data} title="${title}">${counts}</td>`;
}

const EXPLANATION =
  'Each cell: passing (passed or flaky) of judged cases; unsupported and suppressed cases are not judged. ' +
  'Colour: the worst verdict in the cell. Click a cell to filter the cases.';

/**
 * The STRIDE x severity matrix: passing/judged per cell, coloured by the worst verdict in it.
 * Clicking a cell filters the case list to it.
 */
export function matrixSection(cases: readonly CaseResult[], suppressed: ReadonlySet<string>): HtmlMarkup {
  const rows = [...STRIDE, ...(cases.some((c) => !c.case.stride) ? ['unclassified'] : [])];
  const strideOf = (c: CaseResult) => c.case.stride ?? 'unclassified';
  const body = rows.map((stride) => {
    const inRow = cases.filter((c) => strideOf(c) === stride);
    const cells = SEVERITIES.map((severity) =>
      cell(
        inRow.filter((c) => c.case.severity === severity),
        suppressed,
        stride,
        severity,
      ),
    );
    return html`<tr><th scope="row">${stride}</th>${cells}${cell(inRow, suppressed, stride, undefined)}</tr>`;
  });
  const head = tableHead(['STRIDE category', ...SEVERITIES, 'all']);
  return html`<section id="matrix"><h2>STRIDE × severity</h2><p class="muted">${EXPLANATION}</p>
<table class="matrix">${head}<tbody>
${html.join(body, '\n')}
</tbody></table></section>`;
}

import { isPassing, isRated, verdictOf, verdicts, type Verdict } from '../../report/case-verdict.js';
import type { CaseResult } from '../../report/generated/types.js';
import { t } from './text.js';

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
): string {
  const data = `data-stride="${t(stride)}" data-severity="${t(severity ?? '')}"`;
  if (!cases.length) return `<td class="empty" title="no case">–</td>`;
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
  return `<td class="w-${worst}" ${data} title="${t(`${stride} / ${severity ?? 'all severities'}: ${detail || 'all passed'}`)}"><strong>${passing}/${judged}</strong>${detail ? `<br><small>${t(detail)}</small>` : ''}</td>`;
}

/**
 * The STRIDE x severity matrix: passing/judged per cell, coloured by the worst verdict in it.
 * Clicking a cell filters the case list to it.
 */
export function matrixSection(cases: readonly CaseResult[], suppressed: ReadonlySet<string>): string {
  const rows = [...STRIDE, ...(cases.some((c) => !c.case.stride) ? ['unclassified'] : [])];
  const strideOf = (c: CaseResult) => c.case.stride ?? 'unclassified';
  const body = rows
    .map((stride) => {
      const inRow = cases.filter((c) => strideOf(c) === stride);
      const cells = SEVERITIES.map((severity) =>
        cell(
          inRow.filter((c) => c.case.severity === severity),
          suppressed,
          stride,
          severity,
        ),
      ).join('');
      return `<tr><th scope="row">${t(stride)}</th>${cells}${cell(inRow, suppressed, stride, undefined)}</tr>`;
    })
    .join('\n');
  return `<section id="matrix"><h2>STRIDE × severity</h2><p class="muted">Each cell: passing (passed or flaky) of judged cases; unsupported and suppressed cases are not judged. Colour: the worst verdict in the cell. Click a cell to filter the cases.</p>
<table class="matrix"><thead><tr><th>STRIDE category</th>${SEVERITIES.map((s) => `<th>${s}</th>`).join('')}<th>all</th></tr></thead><tbody>
${body}
</tbody></table></section>`;
}

import type { CaseResult, Finding } from '../report/generated/types.js';
import { escapeTerminal } from './escape-terminal.js';
import type { Colour } from './paint.js';
import { statusStyle } from './status-style.js';

/** Findings shown per case in the console; the JSON report has them all. Messages and reasons
 * keep up to 2000 characters: a fuzz failure ends with the `gauntlet replay` command. */
const SHOWN_FINDINGS = 5;

/** What a failed, errored or flaky case says in the console: why, the evidence, how to replay it. */
export function caseDetails(result: CaseResult, paint: (colour: Colour, text: string) => string): string {
  const { outcome } = result;
  const style = statusStyle(outcome.status);
  const lines = [
    paint(style.colour, `${style.mark} ${outcome.status} ${escapeTerminal(result.case.id, 200)}`) +
      paint('gray', ` ${escapeTerminal(result.case.title, 100)}`),
  ];
  let findings: readonly Finding[] = [];
  switch (outcome.status) {
    case 'failed':
      findings = outcome.findings;
      break;
    case 'flaky':
      lines.push(`    ${escapeTerminal(outcome.reason, 2000)}`);
      findings = outcome.findings ?? [];
      break;
    case 'errored':
    case 'unsupported':
      lines.push(`    ${escapeTerminal(outcome.reason, 2000)}`);
      break;
    case 'passed':
      break;
  }
  for (const finding of findings.slice(0, SHOWN_FINDINGS)) lines.push(...findingLines(finding));
  if (findings.length > SHOWN_FINDINGS)
    lines.push(`    … and ${findings.length - SHOWN_FINDINGS} more findings in the JSON report`);
  lines.push(paint('gray', `    replay: ${escapeTerminal(result.replay, 1000)}`));
  return lines.join('\n');
}

function findingLines(finding: Finding): string[] {
  const where = [
    finding.channel && `channel ${finding.channel}`,
    finding.step && `step ${finding.step}`,
    finding.encoding && finding.encoding !== 'plain' && `encoding ${finding.encoding}`,
  ]
    .filter(Boolean)
    .join(', ');
  const lines = [`    [${finding.oracle}] ${escapeTerminal(finding.message, 2000)}${where ? ` (${where})` : ''}`];
  if (finding.expected !== undefined)
    lines.push(
      `      expected ${escapeTerminal(finding.expected, 200)}, ` +
        `observed ${escapeTerminal(finding.observed ?? '(nothing)', 200)}`,
    );
  if (finding.excerpt !== undefined) lines.push(`      evidence: ${escapeTerminal(finding.excerpt, 300)}`);
  return lines;
}

import { escapeTerminal } from '../reporters/escape-terminal.js';
import type { RunnableCase } from '../runner/runnable-case.js';

/** `--list`: one line per case (id, severity, title), then the count, as Playwright's --list does. */
export function listCases(cases: readonly RunnableCase[]): string {
  const lines = cases.map(
    ({ info }) =>
      `${escapeTerminal(info.id, 200)}  [${info.severity ?? info.lane}]  ${escapeTerminal(info.title, 200)}`,
  );
  return (
    `${lines.join('\n')}${lines.length ? '\n' : ''}${cases.length} ` + `case${cases.length === 1 ? '' : 's'} selected\n`
  );
}

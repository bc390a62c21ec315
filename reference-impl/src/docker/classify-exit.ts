import type { Language } from '../../../src/protocol/generated/types.js';
import type { RunDone } from '../execution/execution-stop.js';

/** The launcher's exit statuses for Python code (see CONTAINER_LAUNCHER). */
const PYTHON_STATUS: Record<number, NonNullable<RunDone['error']>['kind']> = { 65: 'syntax', 77: 'permission' };

/**
 * Types a finished run from its exit status and the end of its stderr. Only the kind of error is
 * read from stderr (which the code controls); the executor's limits never are.
 */
export function classifyExit(language: Language, exitCode: number, stderrTail: string): RunDone {
  if (exitCode === 0) return { ok: true };
  const lines = stderrTail.split('\n').map((line) => line.trim()).filter(Boolean);
  const last = (lines.at(-1) ?? `exit status ${exitCode}`).slice(0, 500);
  let kind: NonNullable<RunDone['error']>['kind'] = 'runtime';
  if (language === 'python') kind = PYTHON_STATUS[exitCode] ?? 'runtime';
  else if (/SyntaxError|syntax error/.test(stderrTail)) kind = 'syntax';
  else if (/\b(EACCES|EPERM)\b|Permission denied|Operation not permitted/.test(lines.slice(-5).join('\n'))) kind = 'permission';
  const name = /^([A-Za-z_][\w.]*(?:Error|Exception))\b/.exec(last)?.[1] ?? (exitCode > 128 ? 'Signal' : 'Exit');
  return { ok: false, error: { kind, name, message: exitCode > 128 ? `${last} (killed by signal ${exitCode - 128})` : last } };
}

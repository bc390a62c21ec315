import type { Language } from '../../../src/protocol/generated/types.js';
import { HARDENING_DEFAULTS } from '../../../src/docker/docker-hardened-host-config.js';
import type { RunDone } from '../execution/execution-stop.js';

type ErrorKind = NonNullable<RunDone['error']>['kind'];

/** The launcher's exit statuses for Python code (see CONTAINER_LAUNCHER). */
const PYTHON_STATUS: Record<number, ErrorKind> = { 65: 'syntax', 74: 'resource', 75: 'resource', 77: 'permission' };
/** bash and node die of SIGXFSZ (128 + 25) when a write crosses the fsize ulimit. */
const SIGXFSZ_STATUS = 153;
const FILE_SIZE_LIMIT = { kind: 'disk', configured: HARDENING_DEFAULTS.fsizeBytes } as const;
const WORK_DIR_LIMIT = { kind: 'disk', configured: HARDENING_DEFAULTS.workDirBytes } as const;

/**
 * Types a finished run from its exit status and the end of its stderr. Only the kind of error is
 * read from stderr (which the code controls); the executor's limits never are: a disk limit
 * reports the container's configured fsize or work-dir size.
 */
export function classifyExit(language: Language, exitCode: number, stderrTail: string): RunDone {
  if (exitCode === 0) return { ok: true };
  const lines = stderrTail
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const last = (lines.at(-1) ?? `exit status ${exitCode}`).slice(0, 500);
  const recent = lines.slice(-5).join('\n');
  let kind: ErrorKind = 'runtime';
  let limit: NonNullable<RunDone['error']>['limit'];
  if (language === 'python') {
    kind = PYTHON_STATUS[exitCode] ?? 'runtime';
    if (exitCode === 74) limit = FILE_SIZE_LIMIT;
    if (exitCode === 75) limit = WORK_DIR_LIMIT;
  } else if (exitCode === SIGXFSZ_STATUS || /\bEFBIG\b|File too large/.test(recent))
    [kind, limit] = ['resource', FILE_SIZE_LIMIT];
  else if (/\bENOSPC\b|No space left on device/.test(recent)) [kind, limit] = ['resource', WORK_DIR_LIMIT];
  else if (/SyntaxError|syntax error/.test(stderrTail)) kind = 'syntax';
  else if (/\b(EACCES|EPERM)\b|Permission denied|Operation not permitted/.test(recent)) kind = 'permission';
  const name = /^([A-Za-z_][\w.]*(?:Error|Exception))\b/.exec(last)?.[1] ?? (exitCode > 128 ? 'Signal' : 'Exit');
  const message = exitCode > 128 ? `${last} (killed by signal ${exitCode - 128})` : last;
  return { ok: false, error: { kind, name, message, ...(limit ? { limit } : {}) } };
}

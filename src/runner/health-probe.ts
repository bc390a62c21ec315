import type { Language, Policy, Principal } from '../protocol/generated/types.js';
import type { ExecutorConnection } from '../targets/executor-connection.js';

/**
 * Code that prints `nonce` and then what the sandbox can still do or holds: a file descriptor, a
 * socket, timers, and (for Python) whether import, print, stdout and common modules are the
 * interpreter's own. A sandbox an earlier case left with a full descriptor table or dead timers
 * prints something else than a fresh one does. Each probe only opens and closes; it touches
 * nothing outside the sandbox and connects nowhere.
 */
const probeCode: Record<Language, (nonce: string) => string> = {
  javascript: (n) => `console.log(${JSON.stringify(n)} + ' timer:' + typeof setTimeout);`,
  typescript: (n) => `const timer: string = typeof setTimeout;\nconsole.log(${JSON.stringify(n)} + ' timer:' + timer);`,
  python: (n) =>
    [
      'r = []',
      'try:',
      '    import os',
      "    fd = os.open('/dev/null', os.O_RDONLY)",
      '    os.close(fd)',
      "    r.append('fd:ok')",
      'except BaseException as e:',
      "    r.append('fd:' + type(e).__name__)",
      'try:',
      '    import socket',
      '    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)',
      '    s.close()',
      "    r.append('socket:ok')",
      'except BaseException as e:',
      "    r.append('socket:' + type(e).__name__)",
      // An interpreter kept across executions may still carry an earlier case's hooks.
      'try:',
      '    import builtins, json, random, sys',
      '    hooked = (builtins.__import__, builtins.print, random.random, sys.stdout.write)',
      "    r.append('hooks:' + ','.join(type(f).__name__ for f in hooked) + ',' + json.dumps.__module__)",
      'except BaseException as e:',
      "    r.append('hooks:' + type(e).__name__)",
      `print(${JSON.stringify(n)} + ' ' + ' '.join(r))`,
    ].join('\n'),
  shell: (n) => `r=""; if exec 9</dev/null; then exec 9<&-; r="fd:ok"; else r="fd:failed"; fi; echo "${n} $r"`,
};

/** What a probe found: the sandbox's answer without the nonce, or why there was none. */
export type HealthProbeResult = { ok: true; signature: string } | { ok: false; reason: string };

/** Runs the health probe once on `connection`, bounded by `deadlineMs`. */
export async function runHealthProbe(
  connection: ExecutorConnection,
  input: {
    language: Language;
    policy: Policy;
    principal: Principal;
    nonce: string;
    deadlineMs: number;
    signal?: AbortSignal;
  },
): Promise<HealthProbeResult> {
  if (connection.closed) return { ok: false, reason: `the executor is gone: ${connection.closed.reason}` };
  try {
    await connection.request('ping', {}, input.deadlineMs, input.signal);
    const result = await connection.request(
      'execute',
      {
        principal: input.principal,
        language: input.language,
        code: probeCode[input.language](input.nonce),
        policy: input.policy,
      },
      input.deadlineMs,
      input.signal,
    );
    if (result.status !== 'ok')
      return {
        ok: false,
        reason: `the health probe ended with ${result.error.type}: ${result.error.message.slice(0, 200)}`,
      };
    const line = result.stdout.text.split('\n').find((l) => l.startsWith(input.nonce));
    if (line === undefined)
      return {
        ok: false,
        reason: `the health probe's output lacks its nonce: ${JSON.stringify(result.stdout.text.slice(0, 200))}`,
      };
    return { ok: true, signature: line.slice(input.nonce.length).trim() };
  } catch (error) {
    return { ok: false, reason: `the health probe failed: ${(error as Error).message.slice(0, 300)}` };
  }
}

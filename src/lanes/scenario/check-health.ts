import type { Language } from '../../protocol/generated/types.js';
import type { ExecutorLease } from '../../runner/executor-lease.js';
import { runHealthProbe } from '../../runner/health-probe.js';
import type { AttemptContext } from '../../runner/runnable-case.js';
import { answerDeadline } from '../../runner/answer-deadline.js';

/**
 * After a case on a shared executor: the health probe must answer as it does on a fresh
 * executor (the pool's baseline for the language). If not, the lease is tainted, so the pool
 * replaces the executor before any other case gets it, and the reason is returned for the case
 * that left it so. Dedicated, tainted and closed executors are never reused and need no probe; a
 * language whose probe fails even on a fresh executor cannot be probed, and is not.
 */
export async function checkHealth(
  lease: ExecutorLease,
  language: Language,
  context: AttemptContext,
  nonce: string,
): Promise<{ at: number; reason: string } | undefined> {
  if (lease.dedicated || lease.tainted || lease.connection.closed) return undefined;
  const input = probeInput(language, context, nonce);
  const baseline = await context.services.pool.baseline(language, (connection) => runHealthProbe(connection, input));
  if (!baseline.ok) return undefined;
  const now = await runHealthProbe(lease.connection, input);
  const reason = !now.ok
    ? now.reason
    : now.signature !== baseline.signature
      ? `the health probe answered "${now.signature}" where a fresh executor answers "${baseline.signature}"`
      : undefined;
  if (!reason) return undefined;
  lease.taint(reason);
  return { at: Date.now(), reason };
}

/**
 * Before a case on a shared executor no case has used yet: measures the language's baseline there
 * if none exists, so that the baseline costs no extra executor when it can be avoided.
 */
export async function takeBaseline(
  lease: ExecutorLease,
  language: Language,
  context: AttemptContext,
  nonce: string,
): Promise<void> {
  if (lease.dedicated || !lease.fresh) return;
  const input = probeInput(language, context, nonce);
  await context.services.pool.baseline(language, (connection) => runHealthProbe(connection, input), lease.connection);
}

function probeInput(language: Language, context: AttemptContext, nonce: string) {
  const { services } = context;
  // The run's stop (Ctrl-C, SIGTERM) ends a probe at once, as it ends a step.
  return {
    language,
    policy: services.basePolicy,
    principal: services.tenants.attacker,
    nonce,
    deadlineMs: answerDeadline(services.basePolicy.wallTimeMs, services.graceMs),
    signal: context.signal,
  };
}

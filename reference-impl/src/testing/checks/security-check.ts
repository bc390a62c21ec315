import type { ExecuteResult, Language } from '../../../../src/protocol/generated/types.js';
import { isRpcError, type RpcError } from '../../../../src/protocol/rpc-error.js';
import type { ExecutorUnderTest } from '../executor-under-test.js';

/**
 * What a check concluded; a failed check says why, with evidence. An inconclusive verdict means
 * the attack could not be judged (the payload did not run, a positive control did not hold): it
 * never counts as passed, and the fault table does not count it as red either.
 */
export type CheckVerdict = { ok: true } | { ok: false; why: string; inconclusive?: true };

/** What every check may use: the executor and the canaries planted around it. */
export interface CheckContext {
  executor: ExecutorUnderTest;
  /** A variable set in the executor's own environment: `name=value`. */
  envCanary: { name: string; value: string };
  /** The audit log the executor was started with. */
  auditLog: string;
  /** A folder outside every sandbox that checks may plant files in. */
  hostDir: string;
}

/**
 * One security property of an executor, checked by observation: the payload runs as ordinary
 * code, and the verdict comes from what the check sees on its own side (canaries, clock,
 * listeners, files), never from the executor's word. Both the passing suite and the fault table
 * use the same checks, so a check that cannot fail shows up as a fault that stays green.
 */
export interface SecurityCheck {
  /** Stable; the fault table names checks by it. */
  id: string;
  title: string;
  languages: readonly Language[];
  run(context: CheckContext, language: Language): Promise<CheckVerdict>;
}

export const pass: CheckVerdict = { ok: true };

export function fail(why: string): CheckVerdict {
  return { ok: false, why };
}

/** The check could not judge: its payload or its positive control did not do what it must. */
export function inconclusive(why: string): CheckVerdict {
  return { ok: false, why: `inconclusive: ${why}`, inconclusive: true };
}

/** Fails when `token` shows up in anything the executor emitted for this result, or in its log. */
export function noLeak(token: string, result: unknown, executor: ExecutorUnderTest): CheckVerdict {
  if (JSON.stringify(result).includes(token))
    return fail(`the canary surfaced in the result: ${JSON.stringify(result).slice(0, 600)}`);
  if (executor.stderr().includes(token)) return fail('the canary surfaced in the executor log');
  return pass;
}

/** All verdicts must pass; the first conclusive failure wins (a leak seen is a leak), then the first inconclusive one. */
export function all(...verdicts: CheckVerdict[]): CheckVerdict {
  return verdicts.find((v) => !v.ok && !v.inconclusive) ?? verdicts.find((v) => !v.ok) ?? pass;
}

/** Fails unless the payload's positive-control marker is in stdout, so a check cannot pass vacuously. */
export function ran(result: ExecuteResult, marker = 'PAYLOAD-RAN'): CheckVerdict {
  return result.stdout.text.includes(marker)
    ? pass
    : inconclusive(`the payload did not run: ${JSON.stringify(result).slice(0, 600)}`);
}

/** A short, bounded rendering of a value for a failure message. */
export function show(value: unknown): string {
  return (
    JSON.stringify(value, (_key, v: unknown) =>
      v instanceof Error
        ? { name: v.name, message: v.message, ...(isRpcError(v) ? { code: v.code, data: v.data } : {}) }
        : v,
    )?.slice(0, 600) ?? String(value)
  );
}

/** The follow-up probe: a trivial execution must still succeed, so the executor survived. */
export async function survives(executor: ExecutorUnderTest, language: Language): Promise<CheckVerdict> {
  const code = language === 'python' ? 'print("PROBE-OK")' : "console.log('PROBE-OK')";
  try {
    const result = await executor.execute(language, code, { deadlineMs: 30_000 });
    return result.status === 'ok' && result.stdout.text.includes('PROBE-OK')
      ? pass
      : fail(`the follow-up probe failed: ${show(result)}`);
  } catch (error) {
    return fail(`the follow-up probe got no result: ${show(error)}`);
  }
}

/** Settles a request into its JSON-RPC error, or a failure when it was answered or broke. */
export async function rpcErrorOf(request: Promise<unknown>): Promise<RpcError | CheckVerdict> {
  try {
    const answer = await request;
    return fail(`expected a JSON-RPC error, got an answer: ${show(answer)}`);
  } catch (error) {
    return isRpcError(error) ? error : fail(`expected a JSON-RPC error, the request failed: ${show(error)}`);
  }
}

/** True for the verdicts {@link rpcErrorOf} returns instead of an error. */
export function isVerdict(value: RpcError | CheckVerdict): value is CheckVerdict {
  return 'ok' in value;
}

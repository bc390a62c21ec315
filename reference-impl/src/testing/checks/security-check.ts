import type { ExecuteResult, Language } from '../../../../src/protocol/generated/types.js';
import type { ExecutorUnderTest } from '../executor-under-test.js';

/** What a check concluded; a failed check says why, with evidence. */
export type CheckVerdict = { ok: true } | { ok: false; why: string };

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
  id: string;
  title: string;
  languages: readonly Language[];
  run(context: CheckContext, language: Language): Promise<CheckVerdict>;
}

export const pass: CheckVerdict = { ok: true };

export function fail(why: string): CheckVerdict {
  return { ok: false, why };
}

/** Fails when `token` shows up in anything the executor emitted for this result, or in its log. */
export function noLeak(token: string, result: unknown, executor: ExecutorUnderTest): CheckVerdict {
  if (JSON.stringify(result).includes(token)) return fail(`the canary surfaced in the result: ${JSON.stringify(result).slice(0, 600)}`);
  if (executor.stderr().includes(token)) return fail('the canary surfaced in the executor log');
  return pass;
}

/** All verdicts must pass; the first failure wins. */
export function all(...verdicts: CheckVerdict[]): CheckVerdict {
  return verdicts.find((v) => !v.ok) ?? pass;
}

/** Fails unless the payload's positive-control marker is in stdout, so a check cannot pass vacuously. */
export function ran(result: ExecuteResult, marker = 'PAYLOAD-RAN'): CheckVerdict {
  return result.stdout.text.includes(marker) ? pass : fail(`the payload did not run: ${JSON.stringify(result).slice(0, 600)}`);
}

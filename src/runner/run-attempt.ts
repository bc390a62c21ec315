import type { Attempt } from '../report/generated/types.js';
import type { RunnableCase } from './runnable-case.js';
import type { RunServices } from './run-services.js';

/** Time a case gets, past its deadline, to release what it holds before it is abandoned. */
const CLEANUP_MS = 15_000;

/**
 * One attempt of a case under its deadline. At the deadline the case's signal aborts (its
 * requests stop waiting); if it still has not returned after the cleanup margin it is abandoned.
 * A case that throws broke the harness: the attempt errors and the run reports a harness error.
 */
export async function runAttempt(
  c: RunnableCase,
  attempt: number,
  services: RunServices,
  onHarnessError: (caseId: string, error: unknown) => void,
): Promise<Attempt> {
  const startedAt = new Date().toISOString();
  const started = performance.now();
  const { interrupt } = services;
  if (interrupt?.aborted)
    return {
      attempt,
      startedAt,
      durationMs: 0,
      status: 'errored',
      reason: 'the run was interrupted before this case ran',
      findings: [],
      steps: [],
      executorMs: 0,
    };
  const controller = new AbortController();
  const deadline = setTimeout(() => controller.abort(new Error(`deadline of ${c.deadlineMs} ms`)), c.deadlineMs);
  const stop = () => controller.abort(new Error('the run was interrupted'));
  interrupt?.addEventListener('abort', stop);
  let abandon: NodeJS.Timeout | undefined;
  const abandoned = new Promise<undefined>((resolve) => {
    abandon = setTimeout(() => resolve(undefined), c.deadlineMs + CLEANUP_MS);
  });
  try {
    const result = await Promise.race([
      c.run({ caseId: c.info.id, attempt, signal: controller.signal, services }),
      abandoned,
    ]);
    const durationMs = Math.round(performance.now() - started);
    if (result === undefined)
      return {
        attempt,
        startedAt,
        durationMs,
        status: 'errored',
        reason: `the case did not finish within its deadline of ${c.deadlineMs} ms and was abandoned`,
        findings: [],
        steps: [],
        executorMs: durationMs,
      };
    if (controller.signal.aborted && result.status !== 'failed') {
      const why = interrupt?.aborted
        ? 'the run was interrupted while this case ran'
        : `the case exceeded its deadline of ${c.deadlineMs} ms`;
      return {
        ...result,
        attempt,
        startedAt,
        durationMs,
        status: 'errored',
        reason: `${why}${result.reason ? `: ${result.reason}` : ''}`,
      };
    }
    return { ...result, attempt, startedAt, durationMs, executorMs: Math.round(result.executorMs) };
  } catch (error) {
    onHarnessError(c.info.id, error);
    return {
      attempt,
      startedAt,
      durationMs: Math.round(performance.now() - started),
      status: 'errored',
      reason: `harness error: ${(error as Error).message}`,
      findings: [],
      steps: [],
      executorMs: 0,
    };
  } finally {
    interrupt?.removeEventListener('abort', stop);
    clearTimeout(deadline);
    clearTimeout(abandon);
  }
}

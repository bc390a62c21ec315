import type { RunOutcome } from './adapter.js';

/**
 * The outcome of code an in-process engine's own `timeout` stopped: the budget the policy set and
 * the time the adapter measured since `startedAt` (a `performance.now()` reading), so the report
 * shows how far past the budget the engine noticed.
 */
export function scriptTimedOut(configuredMs: number, startedAt: number): RunOutcome {
  return {
    kind: 'error',
    error: {
      type: 'timeout',
      message: 'script execution timed out',
      limit: { kind: 'wall_time', configured: configuredMs, observed: Math.round(performance.now() - startedAt) },
    },
  };
}

import type { CanaryTarget, CaseTenants } from '../canaries/canary.js';
import type { InitializeResult, Policy } from '../protocol/generated/types.js';
import type { ExecutorPool } from './executor-pool.js';

/** What the run provides to every case. */
export interface RunServices {
  /** The run's seed; each case derives its tokens from it. */
  seed: string;
  pool: ExecutorPool;
  /** The executor's initialize answer (from the first connection). */
  initialize: InitializeResult;
  tenants: CaseTenants;
  canaryTarget: CanaryTarget;
  /** A private directory of the run for host-side canary files. */
  hostDir: string;
  /** The default policy with the config's and target's overrides, fitted to what the executor declares (fitPolicy). */
  basePolicy: Policy;
  /** Added to a wall-time budget to make the harness's deadline for an answer (answerDeadline). */
  graceMs: number;
  /** Aborted when the run is interrupted (Ctrl-C): running attempts stop, the rest do not start. */
  interrupt?: AbortSignal;
}

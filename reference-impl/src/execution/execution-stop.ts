import type { LimitBreach } from '../../../src/protocol/generated/types.js';
import type { SandboxExit } from '../sandbox/sandbox-handle.js';

/** What the sandbox reported when a run ended normally. */
export interface RunDone {
  ok: boolean;
  json?: string;
  error?: {
    kind: string;
    name: string;
    message: string;
    stack?: string;
    resource?: string;
    /** For a resource error: the limit the sandbox saw the code hit (else the memory cap is assumed). */
    limit?: LimitBreach;
  };
}

/**
 * Why an execution stopped: the run finished, or one of the executor's own mechanisms fired
 * first (it knows which, so it never has to guess from an exit status), or the sandbox died.
 */
export type ExecutionStop =
  | { kind: 'done'; done: RunDone }
  | { kind: 'cancelled' }
  | { kind: 'timeout'; observedMs: number }
  | { kind: 'output'; stream: 'stdout' | 'stderr'; observed: number }
  | { kind: 'memory'; observed: number }
  | { kind: 'crashed'; exit: SandboxExit; outOfMemory: boolean };

/** True for stops after which the sandbox is gone (killed or dead). */
export function killsSandbox(stop: ExecutionStop): boolean {
  return stop.kind !== 'done';
}

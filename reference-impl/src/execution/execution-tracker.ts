import { ErrorCodes } from '../../../src/protocol/generated/error-codes.js';
import { RpcError } from '../../../src/protocol/rpc-error.js';

interface Running {
  tenantId: string;
  controller: AbortController;
  finished: Promise<unknown>;
}

const FINISHED_KEPT = 1000;

/**
 * Executions in flight and recently finished (the last 1000), by tenant and id, for
 * execute/cancel: execution ids are scoped to their tenant, so another tenant's execution is
 * answered like an unknown one (-32010) and its id never conflicts with the caller's.
 */
export class ExecutionTracker {
  readonly #running = new Map<string, Running>();
  readonly #finished = new Map<string, string>();

  get size(): number {
    return this.#running.size;
  }

  isRunning(tenantId: string, executionId: string): boolean {
    return this.#running.has(key(tenantId, executionId));
  }

  start(executionId: string, tenantId: string, controller: AbortController, finished: Promise<unknown>): void {
    const id = key(tenantId, executionId);
    this.#running.set(id, { tenantId, controller, finished });
    void finished.finally(() => {
      this.#running.delete(id);
      this.#finished.delete(id);
      this.#finished.set(id, tenantId);
      if (this.#finished.size > FINISHED_KEPT) this.#finished.delete(this.#finished.keys().next().value!);
    });
  }

  /** The tenant of a running execution with this id, whoever asks (only the foreign-cancel fault asks). */
  tenantOf(executionId: string): string | undefined {
    return [...this.#running.values()].find((r) => this.#running.get(key(r.tenantId, executionId)) === r)?.tenantId;
  }

  /** Cancels the tenant's execution (stop false: only says so); false when it had already finished. */
  cancel(tenantId: string, executionId: string, stop = true): boolean {
    const running = this.#running.get(key(tenantId, executionId));
    if (running) {
      if (stop) running.controller.abort();
      return true;
    }
    if (this.#finished.has(key(tenantId, executionId))) return false;
    throw new RpcError(ErrorCodes.ExecutionNotFound, 'Execution not found');
  }

  /** Cancels everything and waits, boundedly, for the executions to wind down. */
  async cancelAll(deadlineMs: number): Promise<void> {
    const all = [...this.#running.values()];
    for (const running of all) running.controller.abort();
    await Promise.race([
      Promise.allSettled(all.map((r) => r.finished)),
      new Promise((resolve) => setTimeout(resolve, deadlineMs)),
    ]);
  }
}

function key(tenantId: string, executionId: string): string {
  return `${tenantId}\u0000${executionId}`;
}

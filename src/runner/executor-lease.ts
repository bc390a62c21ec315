import type { ExecutorConnection } from '../targets/executor-connection.js';

/**
 * One case's exclusive use of an executor connection. The case taints it when the executor
 * stopped answering; a tainted or closed connection is never handed to another case.
 */
export class ExecutorLease {
  #tainted: string | undefined;

  constructor(
    readonly connection: ExecutorConnection,
    /** Started for this case only (a fresh environment), and discarded after it. */
    readonly dedicated: boolean,
    /** Time spent starting the executor for this lease, counted as executor time. */
    readonly startMs: number,
    private readonly giveBack: (lease: ExecutorLease) => Promise<void>,
    /** No case had used the connection before this lease. */
    readonly fresh = false,
  ) {}

  /** Marks the executor as unfit for reuse: it hung, or answered out of protocol. */
  taint(reason: string): void {
    this.#tainted ??= reason;
  }

  get tainted(): string | undefined {
    return this.#tainted;
  }

  /** Why the connection closed while this case held it, unless this side closed it. */
  crashed(): { at: number; reason: string; stderrTail?: string } | undefined {
    const closed = this.connection.closed;
    if (!closed || closed.expected) return undefined;
    return { at: closed.at, reason: closed.reason, ...(closed.stderrTail ? { stderrTail: closed.stderrTail } : {}) };
  }

  /** Returns the connection to the pool, or disposes of it. Call exactly once. */
  release(): Promise<void> {
    return this.giveBack(this);
  }
}

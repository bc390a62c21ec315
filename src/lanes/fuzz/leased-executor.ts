import type { ExecutorLease } from '../../runner/executor-lease.js';
import type { ExecutorPool } from '../../runner/executor-pool.js';
import type { ExecutorConnection } from '../../targets/executor-connection.js';

/**
 * The executor a fuzz case works on: one lease from the run's pool, replaced by a fresh one when
 * the executor died or was discarded (hung). Shrinking a crash needs a live executor for every
 * candidate input; each replacement is counted, and the pool counts it as a restart.
 */
export class LeasedExecutor {
  #lease: ExecutorLease | undefined;
  #discarded: string | undefined;
  #replacements = 0;
  /** Dead executors being disposed of, in the background: a new one need not wait for that. */
  readonly #disposing = new Set<Promise<void>>();
  /** Milliseconds spent starting executors for this case. */
  startMs = 0;

  constructor(private readonly pool: ExecutorPool) {}

  get replacements(): number {
    return this.#replacements;
  }

  /** The live connection, or a new one when the last one closed or was discarded. */
  async connection(): Promise<ExecutorConnection> {
    const lease = this.#lease;
    if (lease && !lease.connection.closed && this.#discarded === undefined) return lease.connection;
    if (lease) {
      this.#replacements++;
      lease.taint(this.#discarded ?? 'the executor closed the connection');
      this.#lease = undefined;
      const disposed = lease.release().catch(() => undefined);
      this.#disposing.add(disposed);
      void disposed.then(() => this.#disposing.delete(disposed));
    }
    this.#discarded = undefined;
    const next = await this.pool.lease();
    this.startMs += next.startMs;
    this.#lease = next;
    return next.connection;
  }

  /** Marks the current connection unfit: the next `connection()` replaces it. */
  discard(reason: string): void {
    if (this.#lease) this.#discarded ??= reason;
  }

  /** Gives the lease back (a discarded or dead one is disposed of by the pool), once every replaced one is gone. */
  async release(): Promise<void> {
    const lease = this.#lease;
    this.#lease = undefined;
    if (lease) {
      if (this.#discarded !== undefined) lease.taint(this.#discarded);
      await lease.release();
    }
    await Promise.all(this.#disposing);
  }
}

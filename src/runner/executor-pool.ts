import type { InitializeResult, Language } from '../protocol/generated/types.js';
import type { ExecutorConnection } from '../targets/executor-connection.js';
import { ExecutorLease } from './executor-lease.js';
import type { HealthProbeResult } from './health-probe.js';

/** Starts one initialized executor connection with extra environment variables. */
export type Launcher = (env: Record<string, string>) => Promise<ExecutorConnection>;

/**
 * Hands executor connections to cases, one case per connection at a time, so that the executor's
 * log, a crash or a hang can be blamed on the case that held it. The scheduler bounds how many
 * cases run at once, and so how many connections exist. Connections that crashed or hung are
 * replaced (counted as restarts); cases that need their own environment get a dedicated one.
 */
export class ExecutorPool {
  readonly #idle: ExecutorConnection[] = [];
  readonly #open = new Set<ExecutorConnection>();
  /** Connections being shut down in the background; close() waits for them. */
  readonly #disposing = new Set<Promise<void>>();
  /** What the health probe prints on a fresh executor, per language: the answer every reused one must give. */
  readonly #baselines = new Map<Language, Promise<HealthProbeResult>>();
  /** Connections that have been leased to a case. */
  readonly #used = new WeakSet<ExecutorConnection>();
  #starts = 0;
  #restarts = 0;

  constructor(private readonly launch: Launcher) {}

  /** Connections opened and replaced so far. */
  get stats(): { starts: number; restarts: number } {
    return { starts: this.#starts, restarts: this.#restarts };
  }

  /** Starts the first shared connection and returns the executor's initialize answer. */
  async warmUp(): Promise<InitializeResult> {
    const connection = await this.#start({});
    this.#idle.push(connection);
    return connection.initializeResult!;
  }

  /** A connection for one case: a shared idle one, or a new one started with `env` for this case alone. */
  async lease(env?: Record<string, string>): Promise<ExecutorLease> {
    const started = Date.now();
    if (env)
      return new ExecutorLease(await this.#start(env), true, Date.now() - started, (lease) => this.#giveBack(lease));
    let connection = this.#idle.pop();
    while (connection?.closed) {
      // It died while idle: nobody to blame, but it still has to be replaced.
      this.#restarts++;
      this.#open.delete(connection);
      connection = this.#idle.pop();
    }
    connection ??= await this.#start({});
    const fresh = !this.#used.has(connection);
    this.#used.add(connection);
    return new ExecutorLease(connection, false, Date.now() - started, (lease) => this.#giveBack(lease), fresh);
  }

  /**
   * The health probe's answer on an executor no case has used, measured once per language: on
   * `fresh` (a connection just leased that has served no case yet), else on a connection started
   * for it, which then joins the idle ones.
   */
  baseline(
    language: Language,
    probe: (connection: ExecutorConnection) => Promise<HealthProbeResult>,
    fresh?: ExecutorConnection,
  ): Promise<HealthProbeResult> {
    let baseline = this.#baselines.get(language);
    if (!baseline) {
      baseline = fresh
        ? probe(fresh)
        : (async () => {
            const connection = await this.#start({});
            try {
              return await probe(connection);
            } finally {
              if (connection.closed) this.#open.delete(connection);
              else this.#idle.push(connection);
            }
          })();
      this.#baselines.set(language, baseline);
    }
    return baseline;
  }

  /** Shuts every connection down. */
  async close(): Promise<void> {
    const all = [...this.#open];
    this.#open.clear();
    this.#idle.length = 0;
    await Promise.all([...all.map((connection) => connection.shutdown()), ...this.#disposing]);
  }

  async #start(env: Record<string, string>): Promise<ExecutorConnection> {
    const connection = await this.launch(env);
    this.#starts++;
    this.#open.add(connection);
    return connection;
  }

  async #giveBack(lease: ExecutorLease): Promise<void> {
    const { connection } = lease;
    // 1. A healthy shared connection goes back to the idle list.
    if (!lease.dedicated && !lease.tainted && !connection.closed) {
      this.#idle.push(connection);
      return;
    }
    // 2. Anything else is disposed of; a shared one that crashed or hung counts as a restart.
    //    Disposal goes on in the background: an executor's shutdown is not the next case's wait.
    this.#open.delete(connection);
    if (!lease.dedicated) this.#restarts++;
    const disposal = (lease.tainted || connection.closed ? connection.kill() : connection.shutdown()).catch(
      () => undefined,
    );
    this.#disposing.add(disposal);
    void disposal.finally(() => this.#disposing.delete(disposal));
  }
}

/**
 * Adds up the time a case spends waiting on the executor (starting it, awaiting its answers), so
 * the report can tell executor time from the harness's own overhead.
 */
export class ExecutorClock {
  #ms = 0;

  get ms(): number {
    return this.#ms;
  }

  add(ms: number): void {
    this.#ms += ms;
  }

  /** Runs `work` and counts its duration as executor time, whether it succeeds or not. */
  async time<T>(work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.#ms += performance.now() - started;
    }
  }
}

import type { CaseCost } from './runnable-case.js';

/** How many cases of each cost class may run at once. */
export interface SlotSizes {
  /** Cases that work the CPU (`--workers`). */
  cpu: number;
  /** Cases that mostly wait (sleeps, timers, a wall-time budget run out by waiting), beside them. */
  wait: number;
}

/** The most cases that held a slot at the same moment, per class and in all. */
export interface SlotPeaks {
  cpu: number;
  wait: number;
  all: number;
}

/**
 * Admits cases by their expected cost: a CPU-bound case takes one of the `cpu` slots, a case
 * that mostly waits one of the `wait` slots, so that waiting never keeps a core idle. Both queues
 * are first come, first served, so cases start in plan order within their class.
 */
export class CaseSlots {
  readonly #free: Record<CaseCost, number>;
  readonly #queues: Record<CaseCost, Array<() => void>> = { cpu: [], wait: [] };
  readonly #held: Record<CaseCost, number> = { cpu: 0, wait: 0 };
  readonly #peaks: SlotPeaks = { cpu: 0, wait: 0, all: 0 };

  constructor(readonly sizes: SlotSizes) {
    if (!(sizes.cpu >= 1 && sizes.wait >= 0)) throw new RangeError(`invalid slot sizes: ${JSON.stringify(sizes)}`);
    // A class without slots of its own shares the CPU slots.
    this.#free = { cpu: sizes.cpu, wait: sizes.wait };
  }

  get peaks(): SlotPeaks {
    return { ...this.#peaks };
  }

  /** Waits for a slot of the class and returns its release (call it exactly once). */
  async acquire(cost: CaseCost): Promise<() => void> {
    const cls: CaseCost = this.sizes.wait === 0 ? 'cpu' : cost;
    if (this.#free[cls] > 0) this.#free[cls]--;
    else await new Promise<void>((resolve) => this.#queues[cls].push(resolve));
    this.#held[cls]++;
    this.#peaks[cls] = Math.max(this.#peaks[cls], this.#held[cls]);
    this.#peaks.all = Math.max(this.#peaks.all, this.#held.cpu + this.#held.wait);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#held[cls]--;
      // The slot passes straight to the next case in line, or becomes free.
      const next = this.#queues[cls].shift();
      if (next) next();
      else this.#free[cls]++;
    };
  }
}

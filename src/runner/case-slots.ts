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
 *
 * The wait slots open gradually: as many as there are CPU slots at first, then one more each time
 * a case ends. A case that waits on its own side still costs the executor a sandbox (and the
 * harness a fresh connection) to start: opening every slot at once made all those start-ups
 * coincide, and on two cores the reference's Python cases of that first burst answered a
 * 1-second budget 17 s later. Once cases end at staggered times, their start-ups do not pile up.
 */
export class CaseSlots {
  readonly #free: Record<CaseCost, number>;
  readonly #queues: Record<CaseCost, Array<() => void>> = { cpu: [], wait: [] };
  readonly #held: Record<CaseCost, number> = { cpu: 0, wait: 0 };
  readonly #peaks: SlotPeaks = { cpu: 0, wait: 0, all: 0 };

  /** Wait slots not opened yet (see the class comment). */
  #closedWait: number;

  constructor(readonly sizes: SlotSizes) {
    if (!(sizes.cpu >= 1 && sizes.wait >= 0)) throw new RangeError(`invalid slot sizes: ${JSON.stringify(sizes)}`);
    // A class without slots of its own shares the CPU slots.
    const openWait = Math.min(sizes.wait, sizes.cpu);
    this.#free = { cpu: sizes.cpu, wait: openWait };
    this.#closedWait = sizes.wait - openWait;
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
      this.#pass(cls);
      if (this.#closedWait > 0) {
        this.#closedWait--;
        this.#pass('wait');
      }
    };
  }

  /** A slot of the class passes straight to the next case in line, or becomes free. */
  #pass(cls: CaseCost): void {
    const next = this.#queues[cls].shift();
    if (next) next();
    else this.#free[cls]++;
  }
}

/** One look at a sandbox's memory cgroup: what it holds, its limit, file pages read back so far. */
export interface MemoryPressure {
  usage: number;
  limit: number;
  /** The cgroup's running count of file pages read back in soon after the kernel evicted them. */
  fileRefaults: number;
}

/** Within this of its limit, a cgroup counts as full (v1 charges run ahead in per-CPU batches). */
const FULL_MARGIN_BYTES = 1024 * 1024;

/**
 * Tells a sandbox stalled at its memory cap from one that is merely near it. When a sandbox's
 * cgroup holds the runtime's own code (a page is charged to whoever first maps it) and the code
 * fills the cap, the kernel may keep evicting that code and reading it back instead of killing:
 * the process crawls until its wall time runs out, and no OOM kill ever comes. The watch calls it
 * stalled when the cgroup is full and reading back at least `minRefaults` file pages in each of
 * `looks` looks in a row. Code that fills its cap is OOM-killed in milliseconds; code below it is
 * never full.
 */
export class MemoryStallWatch {
  #previous: number | undefined;
  #streak = 0;

  constructor(
    private readonly looks = 5,
    private readonly minRefaults = 64,
  ) {}

  /** Takes one look; true once the sandbox has been stalled for `looks` looks in a row. */
  observe(pressure: MemoryPressure): boolean {
    const refaults = this.#previous === undefined ? 0 : pressure.fileRefaults - this.#previous;
    this.#previous = pressure.fileRefaults;
    const full = pressure.usage + FULL_MARGIN_BYTES >= pressure.limit;
    this.#streak = full && refaults >= this.minRefaults ? this.#streak + 1 : 0;
    return this.#streak >= this.looks;
  }
}

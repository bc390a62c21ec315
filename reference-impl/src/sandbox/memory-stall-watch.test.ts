import { describe, expect, it } from 'vitest';
import { MemoryStallWatch, type MemoryPressure } from './memory-stall-watch.js';

const MiB = 1024 * 1024;
const LIMIT = 200 * MiB;

/** Feeds looks to a new watch: each is [bytes below the limit, file pages read back since the last look]. */
function verdicts(looks: [number, number][]): boolean[] {
  const watch = new MemoryStallWatch(5, 64);
  let refaults = 1000;
  return looks.map(([below, readBack]) => {
    refaults += readBack;
    const pressure: MemoryPressure = { usage: LIMIT - below, limit: LIMIT, fileRefaults: refaults };
    return watch.observe(pressure);
  });
}

describe('MemoryStallWatch', () => {
  it('calls a cgroup stalled after five looks in a row at its limit, reading back evicted pages', () => {
    // The first look only sets the count the next one compares with.
    expect(verdicts(Array.from({ length: 8 }, () => [0, 500]))).toEqual([
      false,
      false,
      false,
      false,
      false,
      true,
      true,
      true,
    ]);
  });

  it('counts within 1 MiB of the limit as full, since charges run ahead in per-CPU batches', () => {
    expect(verdicts(Array.from({ length: 6 }, () => [512 * 1024, 500])).at(-1)).toBe(true);
  });

  it('never calls code below its cap stalled, however much it reads back', () => {
    expect(verdicts(Array.from({ length: 20 }, () => [2 * MiB, 100_000]))).not.toContain(true);
  });

  it('never calls a full cgroup that reads nothing back stalled (idle at its cap, or an OOM kill coming)', () => {
    expect(verdicts(Array.from({ length: 20 }, () => [0, 10]))).not.toContain(true);
  });

  it('starts over when a look breaks the streak', () => {
    const looks: [number, number][] = [
      [0, 500],
      [0, 500],
      [0, 500],
      [0, 500],
      [4 * MiB, 500],
      [0, 500],
      [0, 500],
    ];
    expect(verdicts(looks)).not.toContain(true);
  });
});

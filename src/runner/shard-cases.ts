import type { RunnableCase } from './runnable-case.js';

/**
 * Shard `index` of `total` (1-based). Cases are sorted by id and dealt round-robin, so every
 * machine of a CI matrix computes the same split, and each shard gets a mix of categories.
 */
export function shardCases(cases: readonly RunnableCase[], index: number, total: number): RunnableCase[] {
  return [...cases]
    .sort((a, b) => (a.info.id < b.info.id ? -1 : a.info.id > b.info.id ? 1 : 0))
    .filter((_, position) => position % total === index - 1);
}

/** Each case `times` times, as separate cases with ids suffixed #1, #2, ... (once: unchanged). */
export function repeatCases(cases: readonly RunnableCase[], times: number): RunnableCase[] {
  if (times <= 1) return [...cases];
  return cases.flatMap((c) =>
    Array.from({ length: times }, (_, i) => ({
      ...c,
      info: { ...c.info, id: `${c.info.id}#${i + 1}`, repeat: i + 1 },
    })),
  );
}

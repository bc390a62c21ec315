import { createHash } from 'node:crypto';
import type { RunnableCase } from './runnable-case.js';

/**
 * The cases in an order drawn from `seed`: sorted by a hash of the seed and the case id, so the
 * same seed gives the same order on every machine, and different seeds give unrelated orders.
 * Running one selection in two orders shows whether a verdict depends on the cases before it.
 */
export function shuffleCases(cases: readonly RunnableCase[], seed: string): RunnableCase[] {
  const key = (c: RunnableCase) => createHash('sha256').update(`${seed}\u0000${c.info.id}`).digest('hex');
  return cases
    .map((c) => ({ c, k: key(c) }))
    .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0))
    .map(({ c }) => c);
}

import { createHash } from 'node:crypto';

/**
 * The fast-check seed of one property in one run, derived from the run's seed and the property's
 * name: the same `--seed` gives every property the same inputs, and properties do not share a
 * stream of inputs. A non-negative 31-bit integer, so it reads well on a command line.
 */
export function propertySeed(runSeed: string, propertyName: string): number {
  return createHash('sha256').update(`${runSeed}/fuzz/${propertyName}`).digest().readUInt32BE(0) >>> 1;
}

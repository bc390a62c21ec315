import type { ProtocolViolation } from '../protocol/protocol-violation.js';
import type { ProtocolViolations } from '../report/generated/types.js';
import { VIOLATIONS_KEPT } from '../report/sum-violations.js';

/**
 * Counts protocol violations by kind and keeps the first few as evidence, in bounded memory
 * however many a hostile executor commits.
 */
export class ViolationTally {
  #total = 0;
  readonly #byKind: Record<string, number> = {};
  readonly #first: ProtocolViolation[] = [];

  add(violation: ProtocolViolation): void {
    this.#total++;
    this.#byKind[violation.kind] = (this.#byKind[violation.kind] ?? 0) + 1;
    if (this.#first.length < VIOLATIONS_KEPT) this.#first.push(violation);
  }

  get total(): number {
    return this.#total;
  }

  /** The report's shape, or undefined when nothing was seen (reports leave the member out). */
  summary(): ProtocolViolations | undefined {
    return this.#total === 0 ? undefined : { total: this.#total, byKind: { ...this.#byKind }, first: [...this.#first] };
  }
}

import type { Language } from '../../../protocol/generated/types.js';

/** A fault of the reference executor that must break a fuzz property, and what the finding says. */
export interface FuzzFaultRow {
  fault: string;
  /** What the first finding's message must say about the counterexample. */
  finding: RegExp;
  /** Stops the search earlier than the default minute (a fault that kills the executor is slow to shrink). */
  timeLimitMs?: number;
  /** The case's language, for a property with languages; its first language when absent. */
  language?: Language;
}

/**
 * For every property of the fuzz registry, the weakened reference executors that must fail it.
 * `fuzz-registry.test.ts` fails for a property without a row, so no property can hold vacuously.
 */
export const fuzzFaultTable: Readonly<Record<string, { timeoutMs: number; faults: readonly FuzzFaultRow[] }>> = {
  'protocol-robustness': {
    timeoutMs: 180_000,
    faults: [
      { fault: 'fragile-parser', finding: /the executor died on .*(not-json|invalid-utf8)/, timeLimitMs: 30_000 },
    ],
  },
  'input-validation': {
    timeoutMs: 180_000,
    faults: [
      {
        fault: 'no-maximum-check',
        finding:
          /over the maximum of \d+ was not refused: the code ran|(above-maximum|huge)\) was (not refused|accepted)/,
      },
    ],
  },
  redaction: { timeoutMs: 120_000, faults: [{ fault: 'no-redaction', finding: /came back unredacted/ }] },
  'session-isolation': {
    timeoutMs: 120_000,
    faults: [
      {
        fault: 'shared-state',
        finding: /read (global|file) k\d in session #\d and got what the model says is not there/,
      },
      {
        fault: 'no-tenant-check',
        finding: /used (attacker|victim)'s session .*differed from the one for a session that does not exist/,
      },
    ],
  },
  'limit-wall-time': {
    timeoutMs: 120_000,
    faults: [
      { fault: 'no-timeout', finding: /ran on for|stopped only after/ },
      // Without its timer the Python sandbox may end by another stop, reported as something else.
      {
        fault: 'no-timeout',
        finding: /ran on for|stopped only after|was not stopped|stop was reported as \w+, not timeout/,
        language: 'python',
      },
    ],
  },
  'limit-memory': {
    timeoutMs: 120_000,
    faults: [
      { fault: 'no-memory-cap', finding: /allocated|held/ },
      { fault: 'no-memory-cap', finding: /allocated|held/, language: 'python' },
    ],
  },
  'limit-output': { timeoutMs: 120_000, faults: [{ fault: 'no-output-cap', finding: /the harness received/ }] },
};

/** What one generated input showed about the executor. */
export type FuzzVerdict =
  /** The property held for this input. */
  | { kind: 'held' }
  /** The executor broke the property: evidence of a weakness. */
  | { kind: 'broken'; message: string; expected?: string; observed?: string; excerpt?: string }
  /** The input could not be judged (its positive control never showed): never a pass. */
  | { kind: 'inconclusive'; reason: string }
  /**
   * The code never started (its limit ran out first), as the property allows: the input judges nothing and another is
   * drawn.
   */
  | { kind: 'not-run'; reason: string };

export const held: FuzzVerdict = { kind: 'held' };

/** A broken property, with bounded evidence. */
export function broken(
  message: string,
  evidence: { expected?: string; observed?: string; excerpt?: string } = {},
): FuzzVerdict {
  return {
    kind: 'broken',
    message,
    ...(evidence.expected !== undefined ? { expected: bounded(evidence.expected, 500) } : {}),
    ...(evidence.observed !== undefined ? { observed: bounded(evidence.observed, 500) } : {}),
    ...(evidence.excerpt !== undefined ? { excerpt: bounded(evidence.excerpt, 2000) } : {}),
  };
}

export function inconclusive(reason: string): FuzzVerdict {
  return { kind: 'inconclusive', reason };
}

export function notRun(reason: string): FuzzVerdict {
  return { kind: 'not-run', reason };
}

/** The first verdict that is not `held`, or `held`: checks of one input combine in order. */
export function firstFailure(...verdicts: FuzzVerdict[]): FuzzVerdict {
  return verdicts.find((v) => v.kind !== 'held') ?? held;
}

/** Cuts text to `max` characters, marking the cut. */
export function bounded(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

import type { Language } from '../../../protocol/generated/types.js';
import type { Proof } from '../../../scenarios/proof-of-execution.js';
import type { FuzzContext } from '../fuzz-context.js';
import { fuzzProof } from '../fuzz-proof.js';

/** The two proofs a limit payload prints: before it pushes against its limit, and once past it. */
export interface LimitProofs {
  /** The positive control: the code ran up to its attack. */
  control: Proof;
  /** The code got past the point its limit should have stopped it. */
  pastLimit: Proof;
}

/** The limit proofs of one generated input; computed at run time, so an echo of the code shows neither. */
export function limitProofs(context: FuzzContext, input: unknown, language: Language): LimitProofs {
  return {
    control: fuzzProof(context, input, 'control', language),
    pastLimit: fuzzProof(context, input, 'past-limit', language),
  };
}

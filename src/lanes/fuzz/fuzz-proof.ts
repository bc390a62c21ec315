import { createHash } from 'node:crypto';
import type { Language } from '../../protocol/generated/types.js';
import { assertProofsHidden, makeProof, type Proof } from '../../scenarios/proof-of-execution.js';
import type { FuzzContext } from './fuzz-context.js';

/**
 * The proof of execution `purpose` for one generated input: a value its code must compute, from
 * the property's seeded tokens and the input's JSON form. The same fast-check seed and input (a
 * replayed path, a regression file) give the same proof; the value never appears in the code.
 */
export function fuzzProof(context: FuzzContext, input: unknown, purpose: string, language: Language): Proof {
  const key = createHash('sha256')
    .update(JSON.stringify(input) ?? 'null')
    .digest('hex')
    .slice(0, 24);
  return makeProof(context.proofs.child(key), purpose, language);
}

/** Code with its proofs checked hidden: refused (a harness error) when it spells one of their values. */
export function withHiddenProofs(code: string, ...proofs: readonly Proof[]): string {
  assertProofsHidden(code, proofs);
  return code;
}

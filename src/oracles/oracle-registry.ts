import type { Finding } from '../report/generated/types.js';
import type { Expectation } from '../scenarios/generated/types.js';
import { auditChainIntact } from './audit-chain-intact.js';
import { auditOutOfReach } from './audit-out-of-reach.js';
import { auditScoped } from './audit-scoped.js';
import { auditRecordsExecution } from './audit-records-execution.js';
import { completesWithin } from './completes-within.js';
import { errorTypeIs } from './error-type-is.js';
import { executorSurvives } from './executor-survives.js';
import { hostProcessesAlive } from './host-processes-alive.js';
import { noCanaryLeak } from './no-canary-leak.js';
import { noLifeAfterStop } from './no-life-after-stop.js';
import { noListenerContact } from './no-listener-contact.js';
import { noStateBleed } from './no-state-bleed.js';
import type { Observation } from './observation.js';
import type { Oracle, OracleFor } from './oracle.js';
import { outputCapped } from './output-capped.js';
import { redacted } from './redacted.js';
import { sameAnswer } from './same-answer.js';
import { sameTiming } from './same-timing.js';
import { toolCallsConform } from './tool-calls-conform.js';
import { rateLimited } from './rate-limited.js';
import { victimUnharmed } from './victim-unharmed.js';

/** Every oracle, by the name scenarios use in `expect`. */
export const oracleRegistry: { readonly [N in Expectation['oracle']]: OracleFor<N> } = {
  'no-canary-leak': noCanaryLeak,
  'no-listener-contact': noListenerContact,
  'completes-within': completesWithin,
  'error-type-is': errorTypeIs,
  'executor-survives': executorSurvives,
  'no-state-bleed': noStateBleed,
  'audit-records-execution': auditRecordsExecution,
  'audit-chain-intact': auditChainIntact,
  'output-capped': outputCapped,
  redacted,
  'same-answer': sameAnswer,
  'same-timing': sameTiming,
  'audit-scoped': auditScoped,
  'audit-out-of-reach': auditOutOfReach,
  'tool-calls-conform': toolCallsConform,
  'victim-unharmed': victimUnharmed,
  'rate-limited': rateLimited,
  'no-life-after-stop': noLifeAfterStop,
  'host-processes-alive': hostProcessesAlive,
};

/** The oracle of an expectation, typed for it. */
export function oracleOf(expectation: Expectation): Oracle {
  // The registry is keyed by the same discriminant, so the lookup matches the expectation's type.
  return oracleRegistry[expectation.oracle] as unknown as Oracle;
}

/** Judges one expectation against an observation. */
export function judgeExpectation(observation: Observation, expectation: Expectation): Finding[] {
  return oracleOf(expectation).judge(observation, expectation);
}

import type { TokenSource } from '../canaries/token-source.js';
import type { RequestMap, RequestMethod } from '../protocol/generated/methods.js';
import type { Capabilities, Language, Policy, Principal } from '../protocol/generated/types.js';
import type { Finding } from '../report/generated/types.js';
import type { Capability, Expectation } from '../scenarios/generated/types.js';
import type { Observation } from './observation.js';

/** What an oracle may do after the steps to gather more evidence (a follow-up probe, an audit read). */
export interface CollectContext {
  request<M extends RequestMethod>(
    method: M,
    params: RequestMap[M]['params'],
    deadlineMs: number,
  ): Promise<RequestMap[M]['result']>;
  /** Whether the case's executor connection is still open. */
  closedReason(): string | undefined;
  attacker: Principal;
  victim: Principal;
  /** What the executor declared in initialize. */
  capabilities: Capabilities;
  language: Language;
  basePolicy: Policy;
  tokens: TokenSource;
}

/**
 * A judge, registered by name. `judge` turns an observation into findings (data, never
 * exceptions; none means the expectation held). `collect`, when present, runs after the steps
 * and its answer is stored in `observation.collected[name]`.
 */
export interface Oracle<E extends Expectation = Expectation> {
  name: E['oracle'];
  description: string;
  /** Executor capabilities the oracle needs; without them the case is unsupported. */
  requires: readonly Capability[];
  collect?(context: CollectContext, expectation: E): Promise<unknown>;
  judge(observation: Observation, expectation: E): Finding[];
}

/** The oracle for one expectation name. */
export type OracleFor<N extends Expectation['oracle']> = Oracle<Extract<Expectation, { oracle: N }>>;

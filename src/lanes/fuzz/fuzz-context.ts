import type { CaseTenants } from '../../canaries/canary.js';
import type { TokenSource } from '../../canaries/token-source.js';
import type { InitializeResult, Language, Policy } from '../../protocol/generated/types.js';
import type { ExecutorConnection } from '../../targets/executor-connection.js';

/**
 * What a property's check gets for one generated input: a live executor connection (a new one
 * when the last one died, so that a crash found early does not spoil the shrinking), the
 * executor's initialize answer, the run's two tenants and its policy defaults.
 */
export interface FuzzContext {
  /** The language of the case's payloads; absent for a property that sends no code. */
  language?: Language;
  connection(): Promise<ExecutorConnection>;
  /** The executor hung or answered out of protocol: the next `connection()` starts a new one. */
  discard(reason: string): void;
  initialize: InitializeResult;
  tenants: CaseTenants;
  basePolicy: Policy;
  /** Added to a wall-time budget to make the harness's deadline for an answer (answerDeadline). */
  graceMs: number;
  /** Aborted when the case's deadline passes. */
  signal: AbortSignal;
  /**
   * Seeds the inputs' proofs of execution (see fuzzProof): keyed by the property's fast-check seed, so a replay shows
   * the same proofs.
   */
  proofs: TokenSource;
}

/** What arbitraries may depend on: facts fixed for the whole run, so that a seed and path replay. */
export interface FuzzEnvironment {
  initialize: InitializeResult;
  tenants: CaseTenants;
  basePolicy: Policy;
  /** When replaying a command sequence: fast-check's replay path of the commands. */
  replayPath?: string;
  /** The language of the case's payloads (`fuzz/<name>@<language>`); absent for a property that sends no code. */
  language?: Language;
}

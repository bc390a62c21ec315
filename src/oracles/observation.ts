import type { CanaryToken } from '../canaries/canary-token.js';
import type { HostProcessState } from '../canaries/host-process-state.js';
import type { ListenerHit } from '../canaries/listener-hit.js';
import type {
  AuditEntry,
  Capabilities,
  ExecuteResult,
  Identity,
  Language,
  Policy,
} from '../protocol/generated/types.js';
import type { Step, TenantRole } from '../scenarios/generated/types.js';
import type { ExecutorLogEntry, ToolCallSeen } from '../targets/executor-connection.js';

/**
 * How a step ended, as the harness saw it: a result, a session, audit or cancel answer, a
 * JSON-RPC error, no answer before the deadline, a closed connection, an answer that broke the
 * protocol (tooLarge when it exceeded the maximum message size), or not sent at all.
 */
export type StepAnswer =
  | { kind: 'result'; result: ExecuteResult }
  | { kind: 'session'; sessionId?: string }
  | { kind: 'audit'; entries: AuditEntry[]; tenantId: string; credentialsTenantId: string }
  | { kind: 'cancel'; cancelled: boolean }
  | { kind: 'rpc-error'; code: number; message: string; data?: unknown }
  | { kind: 'no-answer'; deadlineMs: number }
  | { kind: 'closed'; reason: string }
  | { kind: 'invalid'; detail: string; tooLarge: boolean }
  | { kind: 'skipped'; reason: string };

/** One step as sent and as answered. */
export interface StepObservation {
  id: string;
  /** For a step the scenario repeats: which of its sends this is, from 1 (a lookup by id finds round 1). */
  round?: number;
  action: NonNullable<Step['action']>;
  tenant: TenantRole;
  /** Who the request claimed to be (the token is not kept). */
  principal: Identity;
  language: Language;
  /** The rendered code sent, for execute steps. */
  code?: string;
  executionId?: string;
  /** For cancel steps: the execution id the request named. */
  cancels?: string;
  sessionId?: string;
  policy: Policy;
  control: NonNullable<Step['control']>;
  runsPayloads: boolean;
  startedAt: number;
  /** On the harness clock, from sending to the answer (or to giving up). */
  elapsedMs: number;
  answer: StepAnswer;
  /** The output shows the value of the step's `{{proof}}`: the code ran up to its attack. */
  proofSeen: boolean;
  /**
   * Whether the step's code prints `{{proof.after}}`, and if so whether its value came back (the code got past its
   * attack point).
   */
  afterProof?: { seen: boolean };
}

/** What a follow-up probe found. */
export interface ProbeResult {
  ok: boolean;
  detail: string;
  at: number;
  elapsedMs: number;
}

/**
 * Everything the harness observed during one case attempt. Oracles judge this data and nothing
 * else: never the executor's own claims about what happened.
 */
export interface Observation {
  caseId: string;
  language: Language;
  /** The values of the attempt's proofs of execution (never their expressions). */
  proofs: { before: string; after: string };
  nonce: string;
  tokens: CanaryToken[];
  capabilities: Capabilities;
  steps: StepObservation[];
  toolCalls: ToolCallSeen[];
  executorLog: ExecutorLogEntry[];
  listenerHits: ListenerHit[];
  /** The process canary's host processes, as sealed after the steps (absent without that canary). */
  hostProcesses?: HostProcessState[];
  /** Audit entries of the case's executions, from audit/query, when the executor has an audit log. */
  audit?: { entries: AuditEntry[]; error?: string };
  /** Set when the executor's process or connection died during the case. */
  crash?: { at: number; reason: string; stderrTail?: string };
  /** Set when the shared executor, after the case, no longer answered the health probe as a fresh one does. */
  leftUnhealthy?: { at: number; reason: string };
  /** What oracles collected after the steps (a follow-up probe, the whole audit chain), by oracle name. */
  collected: Record<string, unknown>;
}

import type { CanarySettings } from '../config/generated/types.js';
import type {
  ExecuteParams,
  ExecuteResult,
  IsolationKind,
  Language,
  Policy,
  Principal,
  ToolCallResult,
} from '../protocol/generated/types.js';
import type { CanaryKind, Capability } from '../scenarios/generated/types.js';
import type { CanaryToken } from './canary-token.js';
import type { HostProcessState } from './host-process-state.js';
import type { ListenerHit } from './listener-hit.js';
import type { TokenSource } from './token-source.js';

/** What a canary needs to know about the target to decide whether it can be planted there. */
export interface CanaryTarget {
  /** Gauntlet spawns the executor, so it sets its environment and shares its host and files. */
  startedByGauntlet: boolean;
  /** The executor runs on this machine (spawned, or reached at a loopback address). */
  sameHost: boolean;
  /** The isolation the executor declared in initialize, when known. */
  isolation?: IsolationKind;
  settings: CanarySettings;
}

/** The two tenants every case has. */
export interface CaseTenants {
  attacker: Principal;
  victim: Principal;
}

/** Everything a canary gets to plant itself for one case attempt. */
export interface PlantContext {
  /** Derives this canary's fresh tokens. */
  tokens: TokenSource;
  /** A file-name-safe name of the case attempt. */
  slug: string;
  /** A directory of the run where host-side files may go (outside every sandbox path). */
  hostDir: string;
  tenants: CaseTenants;
  target: CanaryTarget;
  language: Language;
}

/** The executor, as a canary that must plant something inside it (another tenant's session) sees it. */
export interface ExecutorAccess {
  createSession(principal: Principal, language: Language, policy: Policy): Promise<string>;
  destroySession(principal: Principal, sessionId: string): Promise<void>;
  execute(params: ExecuteParams): Promise<ExecuteResult>;
  /** The case's policy before canary contributions, for sessions the canary creates. */
  basePolicy: Policy;
}

/** Answers a tool call the code makes; the harness is the tool host. */
export type ToolHandler = (args: Record<string, unknown>) => ToolCallResult | Promise<ToolCallResult>;

/** A canary in place for one case attempt. */
export interface PlantedCanary {
  kind: CanaryKind;
  tokens: CanaryToken[];
  /** Template variables, by name without the `canary.<kind>.` prefix. */
  variables: Record<string, string>;
  /** Environment variables of the executor process (needs an executor started for the case). */
  executorEnv?: Record<string, string>;
  /** Policy members the case must add: env variables, secrets to redact, tools to offer. */
  policy?: Pick<Partial<Policy>, 'env' | 'secrets' | 'tools'>;
  /** Handlers of the tools it offers, by tool name. */
  tools?: Record<string, ToolHandler>;
  /** Every contact so far, for listener canaries. */
  hits?(): ListenerHit[];
  /** The host processes it started and whether they still run, for process canaries. */
  processes?(): HostProcessState[];
  /** Plants what must live inside the executor, once the case's executor is up. */
  inject?(executor: ExecutorAccess): Promise<void>;
  /** Removes everything it planted: files, sockets, sessions. Never throws. */
  release(): Promise<void>;
}

/** A tripwire kind, registered by name. */
export interface Canary {
  kind: CanaryKind;
  description: string;
  /** Executor capabilities it needs; without them the case is unsupported. */
  requires: readonly Capability[];
  /**
   * The template variables it offers payloads, as `canary.<kind>.<name>`: the scenario linter
   * accepts exactly these, and a planted canary (once injected, where it injects) sets exactly
   * these. None may reveal a token the code must not know.
   */
  variables: readonly string[];
  /** Why it cannot be planted for this target, or undefined when it can. */
  unsupportedReason(target: CanaryTarget): string | undefined;
  plant(context: PlantContext): Promise<PlantedCanary>;
}

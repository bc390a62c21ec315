/* eslint-disable */
// GENERATED FILE: do not edit. Source: schemas/report.schema.json
// Regenerate with `npm run generate`; `npm run check:generated` fails when this file drifts.
import type { AppliedExpectation, BaselineComparison, GateRuleResult } from '../../gate/generated/types.js';
import type { InitializeResult, Language, ProtocolViolation, Sha256Hex } from '../../protocol/generated/types.js';
import type { CanaryKind, Channel, Classification, Severity, StrideCategory } from '../../scenarios/generated/types.js';

/**
 * passed: every oracle held and the positive control was seen; failed: the executor is vulnerable (findings say where); errored: the run could not judge (never a pass); unsupported: the executor lacks a language, capability or canary the case needs; flaky: failed or errored first, passed on a retry.
 */
export type CaseOutcome = CasePassed | CaseFailed | CaseErrored | CaseUnsupported | CaseFlaky;
export type AttemptStatus = 'passed' | 'failed' | 'errored' | 'unsupported';

export interface Report {
  schemaVersion: '1.0';
  runId: string;
  harness: {
    name: string;
    version: string;
    protocolVersion: string;
    /**
     * The Node.js version the harness ran on (process.version).
     */
    node?: string;
    /**
     * The operating system the harness ran on.
     */
    os?: {
      platform: string;
      release: string;
      arch: string;
    };
  };
  /**
   * The command line that replays the whole run, seed included.
   */
  command: string;
  /**
   * The run's seed: every token, nonce and marker of every case derives from it.
   */
  seed: string;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  corpus: CorpusInfo;
  target: TargetInfo;
  options: RunOptions;
  summary: Summary;
  gate: GateResult;
  cases: CaseResult[];
  /**
   * The verdict per conformance profile (absent with --profile none): a profile passes only when the executor declares every capability it requires, every one of its cases was judged and its thresholds hold.
   */
  profiles?: ProfileResult[];
  /**
   * Problems of the harness itself (invalid scenario files, an executor that could not start, a reporter that crashed). Any of them makes the run exit 2.
   */
  harnessErrors: HarnessErrorRecord[];
  integrity?: ReportIntegrity;
  protocolViolations?: ProtocolViolations;
  /**
   * How the cases were admitted: the slots per cost class (cpu: --workers; wait: cases that mostly wait, beside them) and the most cases that held a slot at once.
   */
  schedule?: {
    cpuSlots: number;
    waitSlots: number;
    peakCpu: number;
    peakWait: number;
    peakAll: number;
  };
}
export interface CorpusInfo {
  root: string;
  /**
   * SHA-256 over the sorted relative paths and contents of every scenario file.
   */
  digest: Sha256Hex;
  scenarios: number;
}
export interface TargetInfo {
  name: string;
  /**
   * The target kind's transport: stdio, websocket, in-memory, docker, adapter, or another registered kind.
   */
  transport: string;
  /**
   * The command line or URL, without credentials.
   */
  description: string;
  /**
   * The executor's answer to initialize, or null when it never gave one.
   */
  initialize: InitializeResult | null;
  /**
   * Executor connections opened during the run.
   */
  starts: number;
  /**
   * Connections replaced because the executor crashed, hung or closed.
   */
  restarts: number;
}
export interface RunOptions {
  workers: number;
  retries: number;
  repeatEach: number;
  graceMs: number;
  shard?: {
    index: number;
    total: number;
  };
  selection: Selection;
  /**
   * The conformance profiles the run judged (--profile); empty with --profile none.
   */
  profiles?: string[];
}
/**
 * The filters that chose the cases; every present filter must match.
 */
export interface Selection {
  grep?: string[];
  grepInvert?: string[];
  stride?: StrideCategory[];
  severity?: Severity[];
  tags?: string[];
  languages?: Language[];
  lastFailed?: boolean;
}
export interface Summary {
  all: Counts;
  byStride: {
    [k: string]: Counts | undefined;
  };
  bySeverity: {
    [k: string]: Counts | undefined;
  };
  byLane: {
    [k: string]: Counts | undefined;
  };
}
export interface Counts {
  total: number;
  passed: number;
  failed: number;
  errored: number;
  unsupported: number;
  flaky: number;
}
/**
 * passed: every rule of the gate held; reasons says why not, one line per failed rule. rules, suppressed, expectations and baseline give the detail (schemas/gate.schema.json).
 */
export interface GateResult {
  passed: boolean;
  reasons: string[];
  /**
   * Every rule checked, passed ones included, with the threshold and the observed value.
   */
  rules?: GateRuleResult[];
  /**
   * Ids of the cases an unexpired expectation suppressed: shown in every report, left out of the pass rates.
   */
  suppressed?: string[];
  expectations?: AppliedExpectation[];
  baseline?: BaselineComparison;
}
export interface CaseResult {
  case: CaseInfo;
  outcome: CaseOutcome;
  durationMs: number;
  /**
   * Every attempt, failed ones included, in order.
   */
  attempts: Attempt[];
  /**
   * The command that runs this case alone again, with the same seed.
   */
  replay: string;
}
/**
 * What was run: a scenario in one language, or a fuzz property.
 */
export interface CaseInfo {
  /**
   * <scenario id>@<language>, with #<n> when repeated; fuzz/<property> for fuzz cases.
   */
  id: string;
  /**
   * scenario: a scenario in one language; fuzz: a fuzz property; profile: one capability a conformance profile requires.
   */
  kind: 'scenario' | 'fuzz' | 'profile';
  /**
   * Scheduling group: parallel, serial or fuzz.
   */
  lane: string;
  title: string;
  scenarioId?: string;
  /**
   * The scenario file, relative to the corpus root.
   */
  file?: string;
  stride?: StrideCategory;
  strideSecondary?: StrideCategory[];
  severity?: Severity;
  securitySeverity?: number;
  classification?: Classification;
  language?: Language;
  repeat?: number;
  tags: string[];
  remediation?: string;
  /**
   * The scenario's description (Markdown): what the attack does and why the expected outcome is the secure one.
   */
  description?: string;
  /**
   * The scenario's references: advisories, write-ups and spec clauses (URLs).
   */
  references?: string[];
}
export interface CasePassed {
  status: 'passed';
}
export interface CaseFailed {
  status: 'failed';
  /**
   * @minItems 1
   */
  findings: [Finding, ...Finding[]];
}
/**
 * One observation that shows the executor vulnerable, with its evidence.
 */
export interface Finding {
  /**
   * The oracle that judged, or harness for what the harness saw itself (a crash).
   */
  oracle: string;
  message: string;
  /**
   * When the harness observed the evidence.
   */
  at: string;
  channel?: Channel;
  step?: string;
  /**
   * A bounded excerpt of the evidence, as received.
   */
  excerpt?: string;
  canary?: CanaryKind;
  encoding?: string;
  expected?: string;
  observed?: string;
}
export interface CaseErrored {
  status: 'errored';
  reason: string;
}
export interface CaseUnsupported {
  status: 'unsupported';
  reason: string;
}
export interface CaseFlaky {
  status: 'flaky';
  reason: string;
  /**
   * Findings of the attempts that failed.
   */
  findings?: Finding[];
}
export interface Attempt {
  attempt: number;
  status: AttemptStatus;
  reason?: string;
  startedAt: string;
  durationMs: number;
  /**
   * Time spent waiting on the executor (requests and executor starts); the rest is the harness's own overhead.
   */
  executorMs: number;
  findings: Finding[];
  steps: StepRecord[];
  /**
   * For fuzz cases: the fast-check seed and path of this attempt.
   */
  seed?: string;
  protocolViolations?: ProtocolViolations;
}
/**
 * What the harness saw of one step, for the evidence trail.
 */
export interface StepRecord {
  id: string;
  action: string;
  tenant: string;
  language?: Language;
  elapsedMs: number;
  /**
   * result: answered with a result; rpc-error: answered with a JSON-RPC error; no-answer: the deadline passed; closed: the connection closed first; invalid: the answer broke the protocol; skipped: not sent.
   */
  answer: 'result' | 'rpc-error' | 'no-answer' | 'closed' | 'invalid' | 'skipped';
  /**
   * For a step the scenario repeats: which of its sends this was, from 1.
   */
  round?: number;
  executionId?: string;
  status?: 'ok' | 'error';
  errorType?: string;
  rpcCode?: number;
  detail?: string;
  /**
   * The code the step sent (execute steps), canary tokens rendered in; cut to 4000 characters with a note.
   */
  code?: string;
  markerSeen?: boolean;
}
/**
 * Protocol violations counted by kind, with the first ones kept as evidence. On an attempt: those the executor committed while the attempt held its connection. On the report: every one the harness saw during the run, on every executor connection, inside a case or not (while starting, between cases, while shutting down).
 */
export interface ProtocolViolations {
  total: number;
  byKind: {
    [k: string]: number | undefined;
  };
  /**
   * The first violations, in the order seen (the harness keeps at most 20).
   */
  first: ProtocolViolation[];
}
/**
 * One conformance profile's verdict. passed: every requirement declared, every case judged, thresholds held; failed: reasons says why; partial: what ran passed, but the selection (--grep, --stride, --shard...) left some of the profile's cases out, so it is no verdict of conformance.
 */
export interface ProfileResult {
  id: string;
  title: string;
  promise: string;
  status: 'passed' | 'failed' | 'partial';
  languages: Language[];
  counts: Counts;
  /**
   * Cases passed, failed or flaky.
   */
  judged: number;
  /**
   * Unsupported cases over all cases of the profile (0 to 1).
   */
  unsupportedShare: number;
  /**
   * Cases of the profile the run's selection left out.
   */
  notSelected: number;
  /**
   * Every required capability, with what the executor declared.
   */
  requirements: ProfileRequirementResult[];
  /**
   * Why the profile failed, one line each (empty when it passed).
   */
  reasons: string[];
  /**
   * Ids of the run's cases that belong to the profile.
   */
  cases: string[];
}
export interface ProfileRequirementResult {
  /**
   * The requirement, as in its case id profile/<profile>/<id> (limits.memory, network, language.python...).
   */
  id: string;
  required: string;
  /**
   * What the executor declared, or (no answer) when it never answered initialize.
   */
  declared: string;
  passed: boolean;
}
export interface HarnessErrorRecord {
  code: string;
  message: string;
  path?: string;
}
/**
 * Binds the report to its content (docs/reports.md, 'Integrity'). digest = SHA-256 of the canonical JSON of the whole report without this member; members and cases only locate what changed and are not trusted.
 */
export interface ReportIntegrity {
  /**
   * The digest rule: SHA-256 over canonical JSON (src/protocol/canonical-json.ts) of the report with `integrity` removed.
   */
  algorithm: 'sha256-canonical-json';
  digest: Sha256Hex;
  /**
   * SHA-256 of the canonical JSON of each top-level member but `integrity`, by name: names the member that changed.
   */
  members: {
    [k: string]: Sha256Hex | undefined;
  };
  /**
   * SHA-256 of the canonical JSON of each case, in the order of `cases`: names the case that changed.
   */
  cases: Sha256Hex[];
  signature?: ReportSignature;
}
/**
 * An Ed25519 signature over the UTF-8 text `gauntlet-report-digest:<digest>`.
 */
export interface ReportSignature {
  algorithm: 'ed25519';
  /**
   * `sha256:` and the first 32 hex digits of the SHA-256 of the public key's SPKI DER encoding.
   */
  keyId: string;
  /**
   * The 64-byte signature, base64.
   */
  value: string;
}

/** Every definition of the report schemas by name, for typed validation. */
export interface ReportDefs {
  Attempt: Attempt;
  AttemptStatus: AttemptStatus;
  CaseErrored: CaseErrored;
  CaseFailed: CaseFailed;
  CaseFlaky: CaseFlaky;
  CaseInfo: CaseInfo;
  CaseOutcome: CaseOutcome;
  CasePassed: CasePassed;
  CaseResult: CaseResult;
  CaseUnsupported: CaseUnsupported;
  CorpusInfo: CorpusInfo;
  Counts: Counts;
  Finding: Finding;
  GateResult: GateResult;
  HarnessErrorRecord: HarnessErrorRecord;
  ProfileRequirementResult: ProfileRequirementResult;
  ProfileResult: ProfileResult;
  ProtocolViolations: ProtocolViolations;
  Report: Report;
  ReportIntegrity: ReportIntegrity;
  ReportSignature: ReportSignature;
  RunOptions: RunOptions;
  Selection: Selection;
  StepRecord: StepRecord;
  Summary: Summary;
  TargetInfo: TargetInfo;
}

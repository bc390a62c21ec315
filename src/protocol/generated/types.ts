/* eslint-disable */
// GENERATED FILE: do not edit. Source: schemas/protocol/audit.schema.json, schemas/protocol/common.schema.json, schemas/protocol/error-codes.schema.json, schemas/protocol/execute-cancel.schema.json, schemas/protocol/execute.schema.json, schemas/protocol/initialize.schema.json, schemas/protocol/jsonrpc.schema.json, schemas/protocol/notifications.schema.json, schemas/protocol/ping.schema.json, schemas/protocol/policy.schema.json, schemas/protocol/protocol-violation.schema.json, schemas/protocol/session.schema.json, schemas/protocol/shutdown.schema.json, schemas/protocol/tool-call.schema.json
// Regenerate with `npm run generate`; `npm run check:generated` fails when this file drifts.
/**
 * An opaque identifier chosen by the party that creates the object.
 */
export type Identifier = string;
/**
 * execution: an execution ran (whatever its outcome); execution.rejected: a request was refused before running; session.created / session.destroyed; tool.call: the code called a host tool (granted or not).
 */
export type AuditEvent =
  'execution' | 'execution.rejected' | 'session.created' | 'session.destroyed' | 'tool.call';
/**
 * A SHA-256 digest as 64 lowercase hexadecimal characters.
 */
export type Sha256Hex = string;
/**
 * A language an executor can run. Executors list the ones they support in their initialize answer.
 */
export type Language = 'javascript' | 'typescript' | 'python' | 'shell';
export type ErrorCode =
  | ParseError
  | InvalidRequest
  | MethodNotFound
  | InvalidParams
  | InternalError
  | NotInitialized
  | SessionNotFound
  | SessionBusy
  | UnsupportedPolicy
  | Unauthorized
  | RateLimited
  | MessageTooLarge
  | RequestCancelled
  | ShuttingDown
  | ExecutionNotFound
  | ProtocolVersionMismatch;
/**
 * The frame is not valid JSON, or not valid UTF-8.
 */
export type ParseError = -32700;
/**
 * The frame is JSON but not a JSON-RPC 2.0 request, notification or response.
 */
export type InvalidRequest = -32600;
/**
 * No such method in this direction.
 */
export type MethodNotFound = -32601;
/**
 * The params do not match the schema, exceed an advertised maximum, or name an unsupported language; data.issues says where.
 */
export type InvalidParams = -32602;
/**
 * The receiver failed before it could act on the request.
 */
export type InternalError = -32603;
/**
 * A request other than initialize or ping arrived before initialize was answered.
 */
export type NotInitialized = -32001;
/**
 * No such session for this tenant. Also the answer for another tenant's session, so that the two cannot be told apart.
 */
export type SessionNotFound = -32002;
/**
 * The session is already running an execution.
 */
export type SessionBusy = -32003;
/**
 * The executor cannot enforce part of the requested policy and refuses instead of running under a weaker one; data.unsupported says which parts.
 */
export type UnsupportedPolicy = -32004;
/**
 * The token is unknown, or does not belong to the tenant the principal claims.
 */
export type Unauthorized = -32005;
/**
 * The tenant has exceeded its rate; data.retryAfterMs says when to retry.
 */
export type RateLimited = -32006;
/**
 * A frame exceeded the receiver's maximum message size and was discarded unread.
 */
export type MessageTooLarge = -32007;
/**
 * The request was cancelled before it produced a result.
 */
export type RequestCancelled = -32008;
/**
 * The receiver is shutting down and takes no new work.
 */
export type ShuttingDown = -32009;
/**
 * No such execution for this tenant (execute/cancel). Also the answer for another tenant's execution.
 */
export type ExecutionNotFound = -32010;
/**
 * The protocol major versions of the two peers differ.
 */
export type ProtocolVersionMismatch = -32011;
/**
 * Network reach of the code. Only loopback endpoints can ever be allowed.
 */
export type NetworkPolicy = NetworkNone | NetworkAllowlist;
/**
 * A loopback host and port, as host:port.
 */
export type LoopbackEndpoint = string;
/**
 * none: no file access at all; ephemeral: a private scratch directory wiped after the execution; session: the session's private directory, kept until the session is destroyed.
 */
export type FilesystemMode = 'none' | 'ephemeral' | 'session';
/**
 * The outcome of an execution: status ok, or status error with a typed error.
 */
export type ExecuteResult = ExecuteSucceeded | ExecuteFailed;
/**
 * ok and error: the harness answered; invalid_arguments: refused by the executor before reaching the harness; denied: the tool was not granted; timeout: no answer within the tool's deadline; refused: called after the execution ended.
 */
export type ToolCallStatus = 'ok' | 'error' | 'invalid_arguments' | 'denied' | 'timeout' | 'refused';
export type ToolCallRecords = ToolCallRecord[];
/**
 * How many redactions the executor applied to this execution's output, result and errors.
 */
export type RedactionCount = number;
/**
 * Ids of the audit entries written for this execution.
 */
export type AuditIds = Identifier[];
/**
 * syntax: rejected before running; runtime: an uncaught error; timeout: the wall-time budget ran out; resource: a memory or other resource limit was hit; permission: the code's uncaught failure came from a policy denial; validation: a tool call's arguments did not match its schema; output_limit: an output cap was hit in kill mode; cancelled: execute/cancel or a cancelled request stopped it; internal: the executor or sandbox broke for reasons not caused by the code.
 */
export type ExecutionErrorType =
  | 'syntax'
  | 'runtime'
  | 'timeout'
  | 'resource'
  | 'permission'
  | 'validation'
  | 'output_limit'
  | 'cancelled'
  | 'internal';
export type LimitKind =
  'wall_time' | 'memory' | 'stdout' | 'stderr' | 'result' | 'tool_time' | 'tool_calls' | 'processes' | 'disk';
/**
 * MAJOR.MINOR. Peers with different majors cannot talk; a minor only adds optional members.
 */
export type ProtocolVersion = string;
/**
 * The boundary that separates untrusted code from the executor: a separate OS process, a container, a micro-VM, a V8 isolate, a WebAssembly instance, the executor's own process, or nothing.
 */
export type IsolationKind =
  'process' | 'container' | 'microvm' | 'v8-isolate' | 'wasm' | 'in-process' | 'none';
/**
 * hard: the executor stops the code when the limit is reached; soft: best effort, the code may overshoot; none: not enforced.
 */
export type Enforcement = 'hard' | 'soft' | 'none';
export type CredentialShape = 'aws-access-key' | 'github-token' | 'stripe-key' | 'jwt' | 'pem-private-key';
/**
 * Chosen by the sender, unique among its requests in flight.
 */
export type RequestId = string | number;
export type JsonRpcMessage = JsonRpcRequest | JsonRpcNotification | JsonRpcSuccess | JsonRpcFailure;
/**
 * What the other side got wrong. parse-error: a line that is not JSON (stdout pollution); batch: a JSON-RPC batch; duplicate-response: a second answer to one request; unknown-response-id: an answer to no request in flight; wrong-direction and unknown-method: a request the receiver may not get; before-initialize: anything but the answer to initialize before it; invalid-error: an error response off the schema (its data, say); too-deep: nesting beyond the receiver's bound; unread-replies: the other side stopped reading the answers it asked for, and was disconnected.
 */
export type ProtocolViolationKind =
  | 'parse-error'
  | 'invalid-utf8'
  | 'oversized-message'
  | 'invalid-message'
  | 'batch'
  | 'unknown-response-id'
  | 'duplicate-response'
  | 'invalid-params'
  | 'invalid-result'
  | 'invalid-error'
  | 'unknown-method'
  | 'wrong-direction'
  | 'before-initialize'
  | 'too-deep'
  | 'unread-replies';

export interface AuditQueryParams {
  principal: Principal;
  executionId?: Identifier;
  sessionId?: Identifier;
  /**
   * Only entries whose chainSeq is greater than this.
   */
  afterSeq?: number;
  limit?: number;
  _meta?: Meta;
}
/**
 * The identity a request claims plus the credential that proves it. An executor MUST check that the token belongs to tenantId and MUST NOT echo the token anywhere.
 */
export interface Principal {
  tenantId: Identifier;
  userId: Identifier;
  token: string;
}
/**
 * Extension point: implementation-specific data that receivers MAY ignore. Keys SHOULD be namespaced (vendor/key).
 */
export interface Meta {
  [k: string]: unknown | undefined;
}
export interface AuditQueryResult {
  entries: AuditEntry[];
  hasMore: boolean;
  _meta?: Meta;
}
/**
 * One append-only record. hash = SHA-256 of the canonical JSON (keys sorted, no whitespace) of the entry without its hash member; prevHash is the hash of the tenant's previous entry, or 64 zeros for the first.
 */
export interface AuditEntry {
  id: Identifier;
  /**
   * Position in the tenant's chain, from 1, without gaps.
   */
  chainSeq: number;
  time: string;
  event: AuditEvent;
  tenantId: Identifier;
  userId: Identifier;
  executionId?: Identifier;
  sessionId?: Identifier;
  language?: string;
  codeSha256?: Sha256Hex;
  /**
   * For execution: ok or error; for execution.rejected: rejected; for tool.call: the call's status.
   */
  status?: string;
  errorType?: string;
  /**
   * For execution.rejected: the JSON-RPC error code of the refusal.
   */
  errorCode?: number;
  limitsHit?: string[];
  redactions?: number;
  /**
   * Short redacted text, such as the tool name or the refusal reason.
   */
  detail?: string;
  prevHash: Sha256Hex;
  hash: Sha256Hex;
}
/**
 * Who acts: a tenant and a user inside it. Carries no credential, so it may be echoed and logged.
 */
export interface Identity {
  tenantId: Identifier;
  userId: Identifier;
}
export interface ExecuteCancelParams {
  principal: Principal;
  executionId: Identifier;
  _meta?: Meta;
}
export interface ExecuteCancelResult {
  /**
   * false when the execution had already finished.
   */
  cancelled: boolean;
  _meta?: Meta;
}
export interface ExecuteParams {
  principal: Principal;
  language: Language;
  /**
   * Source text. Its UTF-8 size MUST NOT exceed maximums.codeBytes.
   */
  code: string;
  /**
   * An opaque identifier chosen by the party that creates the object.
   */
  sessionId?: string;
  /**
   * An opaque identifier chosen by the party that creates the object.
   */
  executionId?: string;
  policy: Policy;
  _meta?: Meta;
}
export interface Policy {
  /**
   * Wall-clock budget in milliseconds, measured from the start of the code and including time spent waiting on tool calls.
   */
  wallTimeMs: number;
  /**
   * Peak memory the execution may use, in bytes, all runtimes of the sandbox included (a WebAssembly heap counts).
   */
  memoryBytes: number;
  output: OutputPolicy;
  network: NetworkPolicy;
  filesystem: FilesystemMode;
  /**
   * The complete environment the code sees. Nothing is inherited from the executor's own environment.
   */
  env?: {
    [k: string]: string | undefined;
  };
  /**
   * Whether the code may start other processes.
   */
  allowSubprocesses: boolean;
  /**
   * Host tools the code may call. Calls go to the harness as tool/call requests.
   *
   * @maxItems 64
   */
  tools?: ToolSpec[];
  /**
   * Values the executor MUST redact from everything it emits.
   *
   * @maxItems 64
   */
  secrets?: Secret[];
}
/**
 * Caps on what the execution may emit, in bytes of UTF-8.
 */
export interface OutputPolicy {
  stdoutBytes: number;
  stderrBytes: number;
  /**
   * Cap on the JSON serialisation of the result value.
   */
  resultBytes: number;
  /**
   * truncate: keep the first bytes and let the code run on; kill: stop the execution with an output_limit error.
   */
  onExceed: 'truncate' | 'kill';
}
export interface NetworkNone {
  mode: 'none';
}
export interface NetworkAllowlist {
  mode: 'allowlist';
  /**
   * @minItems 1
   * @maxItems 32
   */
  allow: [LoopbackEndpoint, ...LoopbackEndpoint[]];
}
/**
 * A host tool offered to the code.
 */
export interface ToolSpec {
  name: string;
  description?: string;
  /**
   * JSON Schema (2020-12) for the tool's arguments object. The executor validates arguments against it before the call reaches the harness.
   */
  inputSchema: {
    [k: string]: unknown | undefined;
  };
  /**
   * Deadline for one call, enforced by the executor.
   */
  timeoutMs?: number;
}
/**
 * A value to redact, named so that the redaction marker can say which secret it hid.
 */
export interface Secret {
  name: string;
  value: string;
}
export interface ExecuteSucceeded {
  status: 'ok';
  executionId: Identifier;
  sessionId?: Identifier;
  stdout: CapturedOutput;
  stderr: CapturedOutput;
  /**
   * The value the code produced (the value of the last expression, or what a top-level return gave). When its serialisation exceeded the cap in truncate mode, the first resultBytes bytes of that serialisation as a string.
   */
  result?: unknown;
  resultTruncated: boolean;
  toolCalls: ToolCallRecords;
  usage: Usage;
  redactions: RedactionCount;
  auditIds: AuditIds;
  _meta?: Meta;
}
/**
 * One output stream as the executor captured it, already redacted. Output produced before a kill is included.
 */
export interface CapturedOutput {
  text: string;
  truncated: boolean;
  /**
   * How many bytes the code wrote to the stream, kept or not.
   */
  bytes: number;
}
export interface ToolCallRecord {
  callId: Identifier;
  name: string;
  status: ToolCallStatus;
  durationMs: number;
}
/**
 * What the execution consumed, as measured by the executor.
 */
export interface Usage {
  wallMs: number;
  cpuMs?: number;
  peakMemoryBytes?: number;
}
export interface ExecuteFailed {
  status: 'error';
  executionId: Identifier;
  sessionId?: Identifier;
  error: ExecutionError;
  stdout: CapturedOutput;
  stderr: CapturedOutput;
  toolCalls: ToolCallRecords;
  usage: Usage;
  redactions: RedactionCount;
  auditIds: AuditIds;
  _meta?: Meta;
}
export interface ExecutionError {
  type: ExecutionErrorType;
  message: string;
  /**
   * The language's own error class, such as TypeError, ZeroDivisionError or NotCapable.
   */
  name?: string;
  stack?: string;
  limit?: LimitBreach;
  /**
   * For permission errors: what was denied (a path, a host:port, an env name, a tool).
   */
  resource?: string;
}
/**
 * Which limit stopped the code, its configured value and what the executor observed, in the limit's unit (milliseconds, bytes or a count).
 */
export interface LimitBreach {
  kind: LimitKind;
  configured: number;
  observed?: number;
}
export interface InitializeParams {
  protocolVersion: ProtocolVersion;
  harnessInfo: PeerInfo;
  _meta?: Meta;
}
export interface PeerInfo {
  name: string;
  version: string;
}
export interface InitializeResult {
  protocolVersion: ProtocolVersion;
  executorInfo: ExecutorInfo;
  /**
   * @minItems 1
   */
  languages: [LanguageInfo, ...LanguageInfo[]];
  capabilities: Capabilities;
  _meta?: Meta;
}
export interface ExecutorInfo {
  name: string;
  version: string;
  isolation: IsolationKind;
  description?: string;
  /**
   * The installed versions of the runtimes and libraries that run the code (for example deno 2.9.6, pyodide 314.0.7), so a report names exactly what was measured. Informative only: no verdict rests on it.
   *
   * @maxItems 32
   */
  components?: PeerInfo[];
}
export interface LanguageInfo {
  id: Language;
  version?: string;
  runtime?: string;
  /**
   * Host APIs of the protocol's list (§7.8) that code in this language cannot use in this executor's sandbox, such as btoa, TextEncoder, setTimeout, fetch, process. A case whose payload needs one of them is unsupported rather than run. Omitted: the executor claims nothing.
   *
   * @maxItems 64
   */
  absentApis?: string[];
}
export interface Capabilities {
  /**
   * How each limit of the policy is enforced.
   */
  limits: {
    wallTime: Enforcement;
    memory: Enforcement;
    output: Enforcement;
    toolTime?: Enforcement;
  };
  /**
   * Network modes the executor can enforce.
   */
  network: ('none' | 'allowlist')[];
  filesystem: FilesystemMode[];
  outputModes: ('truncate' | 'kill')[];
  /**
   * Which values of policy.allowSubprocesses the executor can honour.
   */
  subprocesses: {
    canDeny: boolean;
    canAllow: boolean;
  };
  sessions: {
    supported: boolean;
    maxPerTenant?: number;
  };
  tools: {
    supported: boolean;
    languages: Language[];
  };
  audit: {
    supported: boolean;
    hashChain: boolean;
  };
  redaction: {
    supported: boolean;
    /**
     * Encodings of a given secret that are redacted besides the plain value.
     */
    encodings: ('base64' | 'hex' | 'url')[];
    /**
     * Credential formats redacted even when not given as secrets.
     */
    credentialShapes: CredentialShape[];
    minSecretLength: number;
  };
  cancel: boolean;
  /**
   * The rate the executor enforces (since 1.2): a token bucket of burst requests that refills perSecond, per tenant or for the whole executor (scope). Every execute and session/create that passes authentication takes a token, whatever its later outcome (§2.8 puts the rate check before the others); one that finds the bucket empty is answered -32006 with data.retryAfterMs. Absent: the executor declares no rate.
   */
  rateLimit?: {
    burst: number;
    perSecond: number;
    scope: 'tenant' | 'executor';
  };
  maximums: Maximums;
}
/**
 * The largest values the executor accepts. A request above one of them gets error -32602.
 */
export interface Maximums {
  wallTimeMs: number;
  memoryBytes: number;
  stdoutBytes: number;
  stderrBytes: number;
  resultBytes: number;
  codeBytes: number;
  messageBytes: number;
  toolTimeoutMs?: number;
  concurrentExecutions?: number;
}
export interface JsonRpcRequest {
  jsonrpc: '2.0';
  id: RequestId;
  method: string;
  params?: {
    [k: string]: unknown | undefined;
  };
}
export interface JsonRpcNotification {
  jsonrpc: '2.0';
  method: string;
  params?: {
    [k: string]: unknown | undefined;
  };
}
export interface JsonRpcSuccess {
  jsonrpc: '2.0';
  id: RequestId;
  /**
   * Any JSON value.
   */
  result: unknown;
}
export interface JsonRpcFailure {
  jsonrpc: '2.0';
  /**
   * null only when the request's id could not be read.
   */
  id: RequestId | null;
  error: JsonRpcError;
}
export interface JsonRpcError {
  code: number;
  message: string;
  data?: ErrorData;
}
/**
 * Machine-readable detail of an error. Executors MAY add members under _meta only.
 */
export interface ErrorData {
  /**
   * A short snake_case sub-code, such as code_too_large or unknown_language.
   */
  reason?: string;
  /**
   * For -32602: each offending member, by JSON pointer into params.
   *
   * @maxItems 100
   */
  issues?: ValidationIssue[];
  /**
   * For -32004: JSON pointers into params of the policy members the executor cannot enforce.
   */
  unsupported?: string[];
  retryAfterMs?: number;
  auditIds?: Identifier[];
  _meta?: Meta;
}
export interface ValidationIssue {
  /**
   * JSON pointer (RFC 6901) to the offending member; empty for the whole document.
   */
  pointer: string;
  message: string;
}
/**
 * notifications/cancelled: the sender no longer wants the answer to requestId (its deadline passed or its caller gave up). The receiver SHOULD stop the work; for execute it MUST act as for execute/cancel. It MAY still answer; the sender ignores that answer.
 */
export interface CancelledNotificationParams {
  requestId: RequestId;
  reason?: string;
}
/**
 * notifications/log: a redacted line of the executor's own log, for peers that cannot read its stderr.
 */
export interface LogNotificationParams {
  level: 'debug' | 'info' | 'warn' | 'error';
  message: string;
}
/**
 * No parameters.
 */
export interface PingParams {
  _meta?: Meta;
}
/**
 * Success carries no data.
 */
export interface PingResult {
  _meta?: Meta;
}
/**
 * Something the other side sent that breaks the protocol. Violations are data: the peer records them, answers where JSON-RPC says to, and stays usable unless the violation makes that impossible.
 */
export interface ProtocolViolation {
  kind: ProtocolViolationKind;
  /**
   * What was wrong, with the JSON pointer where one applies.
   */
  detail: string;
  /**
   * The first characters of the offending frame, as received.
   */
  excerpt: string;
  /**
   * When the harness saw it, in ms since the epoch.
   */
  at: number;
  /**
   * The method concerned, when known.
   */
  method?: string;
}
export interface SessionCreateParams {
  principal: Principal;
  language: Language;
  policy: Policy1;
  _meta?: Meta;
}
/**
 * The session's ceiling: an execution in the session may tighten it, never loosen it.
 */
export interface Policy1 {
  /**
   * Wall-clock budget in milliseconds, measured from the start of the code and including time spent waiting on tool calls.
   */
  wallTimeMs: number;
  /**
   * Peak memory the execution may use, in bytes, all runtimes of the sandbox included (a WebAssembly heap counts).
   */
  memoryBytes: number;
  output: OutputPolicy;
  network: NetworkPolicy;
  filesystem: FilesystemMode;
  /**
   * The complete environment the code sees. Nothing is inherited from the executor's own environment.
   */
  env?: {
    [k: string]: string | undefined;
  };
  /**
   * Whether the code may start other processes.
   */
  allowSubprocesses: boolean;
  /**
   * Host tools the code may call. Calls go to the harness as tool/call requests.
   *
   * @maxItems 64
   */
  tools?: ToolSpec[];
  /**
   * Values the executor MUST redact from everything it emits.
   *
   * @maxItems 64
   */
  secrets?: Secret[];
}
export interface SessionCreateResult {
  sessionId: Identifier;
  expiresAt?: string;
  _meta?: Meta;
}
export interface SessionDestroyParams {
  principal: Principal;
  sessionId: Identifier;
  _meta?: Meta;
}
export interface SessionDestroyResult {
  destroyed: true;
  _meta?: Meta;
}
/**
 * No parameters.
 */
export interface ShutdownParams {
  _meta?: Meta;
}
/**
 * Success carries no data.
 */
export interface ShutdownResult {
  _meta?: Meta;
}
export interface ToolCallParams {
  executionId: Identifier;
  sessionId?: Identifier;
  callId: Identifier;
  name: string;
  arguments: {
    [k: string]: unknown | undefined;
  };
  principal: Identity1;
  _meta?: Meta;
}
/**
 * Who the execution runs for. Never carries the credential.
 */
export interface Identity1 {
  tenantId: Identifier;
  userId: Identifier;
}
/**
 * The tool's answer. With isError the code sees an exception carrying message; otherwise it receives value.
 */
export interface ToolCallResult {
  /**
   * Any JSON value.
   */
  value?: unknown;
  isError?: boolean;
  message?: string;
  _meta?: Meta;
}

/** Every definition of the protocol schemas by name, for typed validation. */
export interface ProtocolDefs {
  AuditEntry: AuditEntry;
  AuditEvent: AuditEvent;
  AuditIds: AuditIds;
  AuditQueryParams: AuditQueryParams;
  AuditQueryResult: AuditQueryResult;
  CancelledNotificationParams: CancelledNotificationParams;
  Capabilities: Capabilities;
  CapturedOutput: CapturedOutput;
  CredentialShape: CredentialShape;
  Enforcement: Enforcement;
  ErrorCode: ErrorCode;
  ErrorData: ErrorData;
  ExecuteCancelParams: ExecuteCancelParams;
  ExecuteCancelResult: ExecuteCancelResult;
  ExecuteFailed: ExecuteFailed;
  ExecuteParams: ExecuteParams;
  ExecuteResult: ExecuteResult;
  ExecuteSucceeded: ExecuteSucceeded;
  ExecutionError: ExecutionError;
  ExecutionErrorType: ExecutionErrorType;
  ExecutorInfo: ExecutorInfo;
  FilesystemMode: FilesystemMode;
  Identifier: Identifier;
  Identity: Identity;
  InitializeParams: InitializeParams;
  InitializeResult: InitializeResult;
  IsolationKind: IsolationKind;
  JsonRpcError: JsonRpcError;
  JsonRpcFailure: JsonRpcFailure;
  JsonRpcMessage: JsonRpcMessage;
  JsonRpcNotification: JsonRpcNotification;
  JsonRpcRequest: JsonRpcRequest;
  JsonRpcSuccess: JsonRpcSuccess;
  Language: Language;
  LanguageInfo: LanguageInfo;
  LimitBreach: LimitBreach;
  LimitKind: LimitKind;
  LogNotificationParams: LogNotificationParams;
  LoopbackEndpoint: LoopbackEndpoint;
  Maximums: Maximums;
  Meta: Meta;
  NetworkAllowlist: NetworkAllowlist;
  NetworkNone: NetworkNone;
  NetworkPolicy: NetworkPolicy;
  OutputPolicy: OutputPolicy;
  PeerInfo: PeerInfo;
  PingParams: PingParams;
  PingResult: PingResult;
  Policy: Policy;
  Principal: Principal;
  ProtocolVersion: ProtocolVersion;
  ProtocolViolation: ProtocolViolation;
  ProtocolViolationKind: ProtocolViolationKind;
  RedactionCount: RedactionCount;
  RequestId: RequestId;
  Secret: Secret;
  SessionCreateParams: SessionCreateParams;
  SessionCreateResult: SessionCreateResult;
  SessionDestroyParams: SessionDestroyParams;
  SessionDestroyResult: SessionDestroyResult;
  Sha256Hex: Sha256Hex;
  ShutdownParams: ShutdownParams;
  ShutdownResult: ShutdownResult;
  ToolCallParams: ToolCallParams;
  ToolCallRecord: ToolCallRecord;
  ToolCallRecords: ToolCallRecords;
  ToolCallResult: ToolCallResult;
  ToolCallStatus: ToolCallStatus;
  ToolSpec: ToolSpec;
  Usage: Usage;
  ValidationIssue: ValidationIssue;
}

import { HarnessError, HarnessErrorCode } from '../errors/harness-error.js';
import { formatIssues } from '../validation/schema-validator.js';
import { ErrorCodes } from './generated/error-codes.js';
import {
  notificationMethods,
  requestMethods,
  type MessageSender,
  type NotificationMap,
  type NotificationMethod,
  type RequestMap,
  type RequestMethod,
} from './generated/methods.js';
import type { JsonRpcError, ProtocolDefs, RequestId } from './generated/types.js';
import { protocolValidator } from './protocol-validator.js';
import type { ProtocolViolation, ProtocolViolationKind } from './protocol-violation.js';
import { RpcError } from './rpc-error.js';
import type { FrameError, Transport, TransportCloseInfo } from './transport.js';

/** Which end of the protocol this peer plays; decides which methods it may receive. */
export type PeerRole = 'harness' | 'executor';

export interface PeerOptions {
  role: PeerRole;
  /** Prefix of the ids of requests this peer sends, so both directions stay readable in logs. */
  idPrefix?: string;
  /** Deadline of a request when the caller gives none. */
  defaultDeadlineMs?: number;
  /** Validate the params of outgoing requests (on by default; fuzzers send raw frames instead). */
  validateOutgoing?: boolean;
  /** How many violations to keep in {@link Peer.violations}. */
  maxViolationsKept?: number;
  /**
   * Replies this peer may owe at once to a side that does not read them (they wait in the
   * transport's queue). One more and the other side is judged broken: an `unread-replies`
   * violation is recorded and the connection closes. 1000 by default.
   */
  maxRepliesOwed?: number;
  /** Deepest nesting of arrays and objects accepted in a message (512 by default); deeper is a `too-deep` violation. */
  maxDepth?: number;
  onViolation?: (violation: ProtocolViolation) => void;
}

export interface RequestOptions {
  /** Milliseconds before the request fails with DEADLINE_EXCEEDED and a cancellation is sent. */
  deadlineMs?: number;
  signal?: AbortSignal;
}

/** What a request handler receives besides the params. */
export interface RequestContext {
  requestId: RequestId;
  /** Aborted when the other side cancels the request or the transport closes. */
  signal: AbortSignal;
}

type RequestHandler<M extends RequestMethod> = (
  params: RequestMap[M]['params'],
  context: RequestContext,
) => Promise<RequestMap[M]['result']>;
type NotificationHandler<M extends NotificationMethod> = (params: NotificationMap[M]) => void;

interface Pending {
  method: RequestMethod;
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
  cleanup: () => void;
}

const EXCERPT_CHARS = 200;
const DETAIL_CHARS = 1000;
const DEFAULT_MAX_REPLIES_OWED = 1000;
/**
 * Nesting accepted in a message: far beyond any real answer, far below what a recursive walk of it could not survive.
 */
export const DEFAULT_MAX_DEPTH = 512;
/** How many answered request ids are remembered, to tell a duplicate answer from a stray one. */
const ANSWERED_IDS_KEPT = 1024;

/**
 * A JSON-RPC 2.0 endpoint used by both the harness and executors. It correlates requests in both
 * directions, enforces per-request deadlines, propagates cancellation, validates every incoming
 * message against the protocol schemas, answers unknown methods with -32601, and records what
 * the other side got wrong as {@link ProtocolViolation} data instead of failing.
 */
export class Peer {
  readonly violations: ProtocolViolation[] = [];
  /**
   * Error responses with `id: null`: the other side reporting a frame it could not attribute to a
   * request (a parse error, an invalid request). JSON-RPC requires exactly this answer, so they
   * are kept here as data, not recorded as violations. Bounded like {@link Peer.violations}.
   */
  readonly unattributedErrors: JsonRpcError[] = [];
  /** How many violations of each kind this peer saw, including those no longer kept. */
  readonly violationCounts: Partial<Record<ProtocolViolationKind, number>> = {};
  #nextId = 1;
  #repliesOwed = 0;
  /** For the harness: set once the executor answered initialize; anything it sends before is a violation. */
  #initialized: boolean;
  readonly #answered = new Set<string>();
  readonly #rawRequests = new Set<string>();
  #closed: TransportCloseInfo | undefined;
  readonly #pending = new Map<string, Pending>();
  readonly #incoming = new Map<string, AbortController>();
  readonly #requestHandlers = new Map<string, RequestHandler<RequestMethod>>();
  readonly #notificationHandlers = new Map<string, NotificationHandler<NotificationMethod>>();
  readonly #closeListeners: Array<(info: TransportCloseInfo) => void> = [];
  readonly #violationListeners = new Set<(violation: ProtocolViolation) => void>();
  readonly #validator = protocolValidator();

  constructor(
    readonly transport: Transport,
    private readonly options: PeerOptions,
  ) {
    this.#initialized = options.role !== 'harness';
    transport.onmessage = (frame) => this.#receive(frame);
    transport.onframeerror = (error) => this.#frameError(error);
    transport.onclose = (info) => this.#transportClosed(info);
  }

  /** Starts the transport. */
  async start(): Promise<void> {
    await this.transport.start();
  }

  /** Set when the transport has closed; every later request fails at once. */
  get closed(): TransportCloseInfo | undefined {
    return this.#closed;
  }

  /** Number of requests this peer sent that await an answer. */
  get pendingCount(): number {
    return this.#pending.size;
  }

  /** Registers the handler of a request method this peer may receive. */
  setRequestHandler<M extends RequestMethod>(method: M, handler: RequestHandler<M>): void {
    this.#requestHandlers.set(method, handler as unknown as RequestHandler<RequestMethod>);
  }

  /** Registers the handler of a notification method. */
  setNotificationHandler<M extends NotificationMethod>(method: M, handler: NotificationHandler<M>): void {
    this.#notificationHandlers.set(method, handler as unknown as NotificationHandler<NotificationMethod>);
  }

  /** Calls `listener` with every violation from now on; returns the unsubscribe function. */
  onViolation(listener: (violation: ProtocolViolation) => void): () => void {
    this.#violationListeners.add(listener);
    return () => this.#violationListeners.delete(listener);
  }

  /** Calls `listener` once the transport has closed. */
  onClose(listener: (info: TransportCloseInfo) => void): void {
    this.#closeListeners.push(listener);
  }

  /**
   * Sends a request and resolves with its validated result. Rejects with {@link RpcError} when
   * the other side answered with an error, and with a {@link HarnessError} on deadline,
   * cancellation, closed transport, oversized or invalid answer.
   */
  request<M extends RequestMethod>(
    method: M,
    params: RequestMap[M]['params'],
    options: RequestOptions = {},
  ): Promise<RequestMap[M]['result']> {
    // 1. Refuse what cannot be sent: a closed channel or, when validating, malformed params.
    if (this.#closed) {
      return Promise.reject(
        new HarnessError(HarnessErrorCode.TransportClosed, `transport closed: ${this.#closed.reason}`, method),
      );
    }
    if (this.options.validateOutgoing !== false) {
      const check = this.#validator.validate(requestMethods[method].params as keyof ProtocolDefs & string, params);
      if (!check.ok) {
        return Promise.reject(
          new HarnessError(
            HarnessErrorCode.RequestInvalid,
            `params do not match the schema: ${formatIssues(check.issues)}`,
            method,
          ),
        );
      }
    }
    const id = `${this.options.idPrefix ?? (this.options.role === 'harness' ? 'h' : 'x')}-${this.#nextId++}`;
    const key = idKey(id);
    const deadlineMs = options.deadlineMs ?? this.options.defaultDeadlineMs ?? 30_000;
    const { signal } = options;
    if (signal?.aborted) {
      return Promise.reject(
        new HarnessError(HarnessErrorCode.RequestCancelled, 'cancelled before it was sent', method, {
          cause: signal.reason,
        }),
      );
    }

    return new Promise<RequestMap[M]['result']>((resolve, reject) => {
      // 2. Arm the deadline and the abort signal; either one cancels the request on the other side too.
      const giveUp = (error: HarnessError) => {
        if (!this.#pending.delete(key)) return;
        cleanup();
        void this.notify('notifications/cancelled', { requestId: id, reason: error.message }).catch(() => undefined);
        reject(error);
      };
      const timer = setTimeout(
        () => giveUp(new HarnessError(HarnessErrorCode.DeadlineExceeded, `no answer within ${deadlineMs} ms`, method)),
        deadlineMs,
      );
      const onAbort = () =>
        giveUp(
          new HarnessError(HarnessErrorCode.RequestCancelled, 'cancelled by the caller', method, {
            cause: signal?.reason,
          }),
        );
      signal?.addEventListener('abort', onAbort, { once: true });
      const cleanup = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
      };
      this.#pending.set(key, { method, resolve: resolve as (r: unknown) => void, reject, cleanup });

      // 3. Send; a failed write fails the request at once.
      this.transport.send(JSON.stringify({ jsonrpc: '2.0', id, method, params })).catch((error: unknown) => {
        if (!this.#pending.delete(key)) return;
        cleanup();
        reject(
          new HarnessError(HarnessErrorCode.TransportClosed, `could not send: ${String(error)}`, method, {
            cause: error,
          }),
        );
      });
    });
  }

  /** Sends a notification. */
  async notify<M extends NotificationMethod>(method: M, params: NotificationMap[M]): Promise<void> {
    if (this.#closed)
      throw new HarnessError(HarnessErrorCode.TransportClosed, `transport closed: ${this.#closed.reason}`, method);
    await this.transport.send(JSON.stringify({ jsonrpc: '2.0', method, params }));
  }

  /**
   * Declares that an answer to `id` may arrive for a request sent around this peer (sendRaw,
   * raw bytes on the transport), so that answer is not taken for a stray one: whoever sent it
   * reads the wire and judges the answer.
   */
  expectRawAnswer(id: RequestId): void {
    this.#rawRequests.add(idKey(id));
    if (this.#rawRequests.size > ANSWERED_IDS_KEPT) this.#rawRequests.delete(this.#rawRequests.values().next().value!);
  }

  /** Sends a frame as is, bypassing every check: for fuzzers and protocol-robustness tests. */
  async sendRaw(frame: string): Promise<void> {
    await this.transport.send(frame);
  }

  /** Closes the transport; pending requests fail with TRANSPORT_CLOSED. */
  async close(): Promise<void> {
    await this.transport.close();
    this.#transportClosed({ reason: 'closed by this side' });
  }

  /** Replies sent that the transport has not yet handed to the other side. */
  get repliesOwed(): number {
    return this.#repliesOwed;
  }

  #receive(frame: string): void {
    // Once closed (the other side was judged broken), whatever it still sends is ignored.
    if (this.#closed) return;
    // 1. Parse, bound the nesting, and check the envelope.
    let message: unknown;
    try {
      message = JSON.parse(frame);
    } catch (error) {
      this.#beforeInitialize(frame);
      this.#violate('parse-error', `not valid JSON: ${(error as Error).message}`, frame);
      this.#reply(null, { code: ErrorCodes.ParseError, message: 'Parse error: the frame is not valid JSON' });
      return;
    }
    const maxDepth = this.options.maxDepth ?? DEFAULT_MAX_DEPTH;
    if (nestingExceeds(message, maxDepth)) {
      this.#beforeInitialize(frame);
      this.#refuse('too-deep', `arrays and objects nested deeper than ${maxDepth} levels`, frame, message);
      return;
    }
    if (Array.isArray(message)) {
      this.#beforeInitialize(frame);
      this.#violate('batch', 'a JSON-RPC batch (an array); batches are not used', frame);
      this.#reply(null, { code: ErrorCodes.InvalidRequest, message: 'Invalid request: batches are not used' });
      return;
    }
    if (!this.#mayPrecedeInitialize(message)) this.#beforeInitialize(frame);
    if (!this.#validator.is('JsonRpcMessage', message)) {
      const detail = this.#envelopeProblem(message);
      // An answer to a request in flight that breaks the schema (an error with off-schema data)
      // fails that request now, instead of leaving it to wait out its deadline.
      if (isResponseShaped(message) && this.#pending.has(idKey(readableId(message) ?? ''))) {
        this.#refuse('error' in (message as object) ? 'invalid-error' : 'invalid-result', detail, frame, message);
        return;
      }
      this.#violate('invalid-message', detail, frame);
      const id = readableId(message);
      if (id !== undefined || !isResponseShaped(message)) {
        this.#reply(id ?? null, { code: ErrorCodes.InvalidRequest, message: `Invalid request: ${detail}` });
      }
      return;
    }
    // 2. Dispatch by kind.
    const m = message as { id?: RequestId; method?: string; params?: unknown; result?: unknown; error?: JsonRpcError };
    if (m.method !== undefined && m.id !== undefined) this.#onRequest(m.id, m.method, m.params ?? {}, frame);
    else if (m.method !== undefined) this.#onNotification(m.method, m.params ?? {}, frame);
    else this.#onResponse(m.id as RequestId | null, m, frame);
  }

  #onRequest(id: RequestId, method: string, params: unknown, frame: string): void {
    const spec = ownEntry(requestMethods as Record<string, { from: MessageSender; params: string }>, method);
    const handler = this.#requestHandlers.get(method);
    if (!spec || !this.#mayReceive(spec.from) || !handler) {
      this.#violate(
        spec ? 'wrong-direction' : 'unknown-method',
        `no method ${JSON.stringify(method)} for the ${this.options.role}`,
        frame,
        method,
      );
      this.#reply(id, { code: ErrorCodes.MethodNotFound, message: `Method not found: ${method}` });
      return;
    }
    const check = this.#validator.validate(spec.params as keyof ProtocolDefs & string, params);
    if (!check.ok) {
      this.#violate('invalid-params', formatIssues(check.issues), frame, method);
      this.#reply(
        id,
        RpcError.invalidParams(`Invalid params for ${method}: ${formatIssues(check.issues)}`, check.issues).toJson(),
      );
      return;
    }
    const key = idKey(id);
    const controller = new AbortController();
    this.#incoming.set(key, controller);
    handler(check.value as never, { requestId: id, signal: controller.signal })
      .then(
        (result) => this.#replyResult(id, method, result),
        (error: unknown) => this.#reply(id, toJsonRpcError(error)),
      )
      .finally(() => this.#incoming.delete(key));
  }

  #onNotification(method: string, params: unknown, frame: string): void {
    const spec = ownEntry(notificationMethods as Record<string, { from: MessageSender; params: string }>, method);
    // Unknown notifications are ignored, as JSON-RPC allows; malformed known ones are violations.
    if (!spec) return;
    const check = this.#validator.validate(spec.params as keyof ProtocolDefs & string, params);
    if (!check.ok) {
      this.#violate('invalid-params', formatIssues(check.issues), frame, method);
      return;
    }
    if (method === 'notifications/cancelled') {
      const { requestId } = check.value as NotificationMap['notifications/cancelled'];
      this.#incoming
        .get(idKey(requestId))
        ?.abort(new HarnessError(HarnessErrorCode.RequestCancelled, 'cancelled by the other side'));
    }
    this.#notificationHandlers.get(method)?.(check.value as never);
  }

  #onResponse(id: RequestId | null, message: { result?: unknown; error?: JsonRpcError }, frame: string): void {
    if (id === null && message.error) {
      this.unattributedErrors.push(message.error);
      if (this.unattributedErrors.length > (this.options.maxViolationsKept ?? 100)) this.unattributedErrors.shift();
      return;
    }
    const pending = id === null ? undefined : this.#pending.get(idKey(id));
    if ((!pending || id === null) && id !== null && this.#rawRequests.delete(idKey(id))) return;
    if (!pending || id === null) {
      const what = message.error ? `error ${message.error.code} "${message.error.message}"` : 'result';
      if (id !== null && this.#answered.has(idKey(id)))
        this.#violate(
          'duplicate-response',
          `a second ${what} for id ${JSON.stringify(id)}, which was already answered`,
          frame,
        );
      else
        this.#violate(
          'unknown-response-id',
          `${what} for id ${JSON.stringify(id)}, which matches no request in flight`,
          frame,
        );
      return;
    }
    this.#settled(idKey(id));
    pending.cleanup();
    if (pending.method === 'initialize') this.#initialized = true;
    if (message.error) {
      pending.reject(RpcError.fromJson(message.error));
      return;
    }
    const check = this.#validator.validate(
      requestMethods[pending.method].result as keyof ProtocolDefs & string,
      message.result,
    );
    if (!check.ok) {
      const detail = formatIssues(check.issues);
      this.#violate('invalid-result', detail, frame, pending.method);
      pending.reject(
        new HarnessError(
          HarnessErrorCode.ResponseInvalid,
          `result does not match the schema: ${detail}`,
          pending.method,
        ),
      );
      return;
    }
    pending.resolve(check.value);
  }

  #frameError(error: FrameError): void {
    if (this.#closed) return;
    const kind = error.kind === 'oversized' ? 'oversized-message' : 'invalid-utf8';
    this.#violate(
      kind,
      `${error.kind === 'oversized' ? 'frame too large' : 'frame is not valid UTF-8'} (${error.bytes} bytes)`,
      error.head,
    );
    // Recover the id from the frame's head, so the right request fails now rather than at its deadline.
    const id = idFromHead(error.head);
    const pending = id === undefined ? undefined : this.#pending.get(idKey(id));
    if (pending && id !== undefined && !/"method"\s*:/.test(error.head)) {
      this.#pending.delete(idKey(id));
      pending.cleanup();
      pending.reject(
        error.kind === 'oversized'
          ? new HarnessError(
              HarnessErrorCode.MessageTooLarge,
              `the answer was ${error.bytes} bytes, over the maximum message size`,
              pending.method,
            )
          : new HarnessError(HarnessErrorCode.ResponseInvalid, 'the answer was not valid UTF-8', pending.method),
      );
      return;
    }
    const code = error.kind === 'oversized' ? ErrorCodes.MessageTooLarge : ErrorCodes.ParseError;
    const message =
      error.kind === 'oversized'
        ? `Message too large: ${error.bytes} bytes`
        : 'Parse error: the frame is not valid UTF-8';
    if (/"method"\s*:/.test(error.head) || id === undefined) this.#reply(id ?? null, { code, message });
  }

  #transportClosed(info: TransportCloseInfo): void {
    if (this.#closed) return;
    this.#closed = info;
    const detail = info.stderrTail ? `${info.reason}; stderr ends with: ${info.stderrTail.slice(-500)}` : info.reason;
    for (const [key, pending] of this.#pending) {
      this.#pending.delete(key);
      pending.cleanup();
      pending.reject(
        new HarnessError(
          HarnessErrorCode.TransportClosed,
          `transport closed before the answer: ${detail}`,
          pending.method,
        ),
      );
    }
    for (const controller of this.#incoming.values())
      controller.abort(new HarnessError(HarnessErrorCode.TransportClosed, info.reason));
    for (const listener of this.#closeListeners) listener(info);
  }

  #replyResult(id: RequestId, method: string, result: unknown): void {
    const spec = (requestMethods as Record<string, { result: string }>)[method]!;
    const check = this.#validator.validate(spec.result as keyof ProtocolDefs & string, result);
    if (!check.ok) {
      this.#reply(id, {
        code: ErrorCodes.InternalError,
        message: `Internal error: the ${method} handler produced an invalid result: ${formatIssues(check.issues)}`,
      });
      return;
    }
    this.#send({ jsonrpc: '2.0', id, result });
  }

  #reply(id: RequestId | null, error: JsonRpcError): void {
    this.#send({ jsonrpc: '2.0', id, error });
  }

  /**
   * Sends a reply. Replies are owed to the other side: while it does not read, they wait in the
   * transport's bounded queue. Past the cap, the other side is judged broken and disconnected,
   * so a flood of requests it never reads the answers to cannot grow this side without bound.
   */
  #send(message: object): void {
    if (this.#closed) return;
    const cap = this.options.maxRepliesOwed ?? DEFAULT_MAX_REPLIES_OWED;
    if (this.#repliesOwed >= cap) {
      this.#disconnect(
        'unread-replies',
        `the other side stopped reading: ${this.#repliesOwed} replies were owed to it, the cap is ${cap}`,
        JSON.stringify(message),
      );
      return;
    }
    this.#repliesOwed++;
    const settled = () => this.#repliesOwed--;
    this.transport.send(JSON.stringify(message)).then(settled, (error: unknown) => {
      settled();
      if (!this.#closed && /queue is full/.test(String(error)))
        this.#disconnect(
          'unread-replies',
          `the other side stopped reading: ${(error as Error).message}`,
          JSON.stringify(message),
        );
    });
  }

  /** Records a violation that makes the other side unusable, fails everything pending, and closes. */
  #disconnect(kind: ProtocolViolationKind, detail: string, frame: string): void {
    this.#violate(kind, detail, frame);
    this.#transportClosed({ reason: `protocol violation (${kind}): ${detail}` });
    void this.transport.close().catch(() => undefined);
  }

  /**
   * Records a violation for a frame that cannot be used, and fails the request it answers (read
   * from its id) at once; a request is answered with -32600 instead.
   */
  #refuse(kind: ProtocolViolationKind, detail: string, frame: string, message: unknown): void {
    this.#violate(kind, detail, frame);
    const id = readableId(message);
    const pending = id === undefined ? undefined : this.#pending.get(idKey(id));
    if (pending && id !== undefined && isResponseShaped(message)) {
      this.#settled(idKey(id));
      pending.cleanup();
      pending.reject(
        new HarnessError(
          HarnessErrorCode.ResponseInvalid,
          `the answer broke the protocol (${kind}): ${detail}`,
          pending.method,
        ),
      );
      return;
    }
    if (!isResponseShaped(message))
      this.#reply(id ?? null, { code: ErrorCodes.InvalidRequest, message: `Invalid request: ${detail}` });
  }

  /** Removes a request from those in flight and remembers its id, to recognise a second answer. */
  #settled(key: string): void {
    this.#pending.delete(key);
    this.#answered.add(key);
    if (this.#answered.size > ANSWERED_IDS_KEPT) this.#answered.delete(this.#answered.values().next().value!);
  }

  /** Before initialize is answered, the executor may send its answer, ping requests and notifications, nothing else. */
  #mayPrecedeInitialize(message: unknown): boolean {
    if (this.#initialized || typeof message !== 'object' || message === null) return true;
    const record = message as Record<string, unknown>;
    if (record['method'] === 'ping' || (record['method'] !== undefined && !('id' in record))) return true;
    const id = readableId(message);
    return isResponseShaped(message) && id !== undefined && this.#pending.get(idKey(id))?.method === 'initialize';
  }

  /** For the harness: a frame before the executor answered initialize breaks the lifecycle. */
  #beforeInitialize(frame: string): void {
    if (this.#initialized || this.options.role !== 'harness') return;
    const initializing = [...this.#pending.values()].some((p) => p.method === 'initialize');
    if (initializing) this.#violate('before-initialize', 'the executor sent this before it answered initialize', frame);
  }

  #mayReceive(from: MessageSender): boolean {
    return from === 'either' || from !== this.options.role;
  }

  #envelopeProblem(message: unknown): string {
    if (typeof message !== 'object' || message === null || Array.isArray(message))
      return 'a message must be a JSON object (batches are not used)';
    const record = message as Record<string, unknown>;
    if (record['jsonrpc'] !== '2.0') return `"jsonrpc" must be "2.0", got ${JSON.stringify(record['jsonrpc'])}`;
    for (const name of ['JsonRpcRequest', 'JsonRpcNotification', 'JsonRpcSuccess', 'JsonRpcFailure'] as const) {
      const looksLike =
        name === 'JsonRpcRequest'
          ? 'method' in record && 'id' in record
          : name === 'JsonRpcNotification'
            ? 'method' in record
            : name === 'JsonRpcSuccess'
              ? 'result' in record
              : 'error' in record;
      if (looksLike) {
        const check = this.#validator.validate(name, message);
        return check.ok ? 'not a JSON-RPC 2.0 message' : `not a valid ${name}: ${formatIssues(check.issues)}`;
      }
    }
    return 'neither a request, a notification nor a response';
  }

  #violate(kind: ProtocolViolationKind, detail: string, frame: string, method?: string): void {
    const violation: ProtocolViolation = {
      kind,
      detail: detail.slice(0, DETAIL_CHARS),
      excerpt: frame.slice(0, EXCERPT_CHARS),
      at: Date.now(),
      ...(method ? { method } : {}),
    };
    this.violations.push(violation);
    if (this.violations.length > (this.options.maxViolationsKept ?? 100)) this.violations.shift();
    this.violationCounts[kind] = (this.violationCounts[kind] ?? 0) + 1;
    this.options.onViolation?.(violation);
    for (const listener of this.#violationListeners) listener(violation);
  }
}

/**
 * A method's entry in a table, looked up by the table's own keys only: a frame's method named
 * after an Object.prototype member ("valueOf", "constructor") is unknown, not that member.
 */
function ownEntry<T>(table: Record<string, T>, method: string): T | undefined {
  return Object.hasOwn(table, method) ? table[method] : undefined;
}

/** True when `value` nests arrays and objects deeper than `limit`, measured without recursion. */
export function nestingExceeds(value: unknown, limit: number): boolean {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: node, depth } = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (depth + 1 > limit) return true;
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      if (typeof child === 'object' && child !== null) stack.push({ value: child, depth: depth + 1 });
    }
  }
  return false;
}

function idKey(id: RequestId): string {
  return typeof id === 'number' ? `n:${id}` : `s:${id}`;
}

function readableId(message: unknown): RequestId | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const id = (message as Record<string, unknown>)['id'];
  return typeof id === 'string' || (typeof id === 'number' && Number.isInteger(id)) ? id : undefined;
}

function isResponseShaped(message: unknown): boolean {
  return (
    typeof message === 'object' &&
    message !== null &&
    ('result' in message || 'error' in message) &&
    !('method' in message)
  );
}

function idFromHead(head: string): RequestId | undefined {
  const match = /"id"\s*:\s*("(?:[^"\\]|\\.){1,128}"|-?\d{1,15})/.exec(head);
  if (!match) return undefined;
  try {
    return JSON.parse(match[1]!) as RequestId;
  } catch {
    return undefined;
  }
}

function toJsonRpcError(error: unknown): JsonRpcError {
  if (error instanceof RpcError) return error.toJson();
  if (error instanceof HarnessError && error.code === HarnessErrorCode.RequestCancelled) {
    return { code: ErrorCodes.RequestCancelled, message: 'Request cancelled' };
  }
  return {
    code: ErrorCodes.InternalError,
    message: `Internal error: ${error instanceof Error ? error.message : String(error)}`,
  };
}

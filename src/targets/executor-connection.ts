import { HarnessError, HarnessErrorCode } from '../errors/harness-error.js';
import type { RequestMap, RequestMethod } from '../protocol/generated/methods.js';
import type { InitializeResult, ToolCallParams, ToolCallResult } from '../protocol/generated/types.js';
import { Peer } from '../protocol/peer.js';
import type { ProtocolViolation } from '../protocol/protocol-violation.js';
import type { Transport, TransportCloseInfo } from '../protocol/transport.js';
import { isCompatibleVersion, PROTOCOL_VERSION } from '../protocol/version.js';
import { stderrGist } from './stderr-gist.js';

/** How long a failed start waits for the executor's exit, so its stderr can explain it. */
const EXIT_GRACE_MS = 1000;

/** A line of the executor's own log: a stderr chunk, or a log notification. */
export interface ExecutorLogEntry {
  at: number;
  text: string;
}

/** A tool call the executor made, as the harness (the tool host) received it. */
export interface ToolCallSeen {
  at: number;
  params: ToolCallParams;
}

type ToolHost = (params: ToolCallParams) => Promise<ToolCallResult>;

/**
 * One open protocol connection to an executor, initialized. It is the tool host for the
 * executions it runs (routing tool/call by execution id), streams the executor's log to whoever
 * listens, and remembers how it closed, so a crash can be blamed on the case that caused it.
 */
export class ExecutorConnection {
  initializeResult: InitializeResult | undefined;
  #closed: (TransportCloseInfo & { at: number }) | undefined;
  #onClosed: () => void = () => {};
  readonly #closedOnce = new Promise<void>((resolve) => (this.#onClosed = resolve));
  #closing = false;
  readonly #logListeners = new Set<(entry: ExecutorLogEntry) => void>();
  readonly #toolListeners = new Set<(call: ToolCallSeen) => void>();
  readonly #toolHosts = new Map<string, ToolHost>();

  constructor(
    readonly peer: Peer,
    private readonly stop: { kill(): void; close(): Promise<void> },
  ) {
    peer.onClose((info) => {
      this.#closed = { ...info, at: Date.now() };
      this.#onClosed();
    });
    peer.setRequestHandler('tool/call', (params) => this.#toolCall(params));
    peer.setNotificationHandler('notifications/log', (params) => this.log(`[${params.level}] ${params.message}\n`));
  }

  /** Set once the connection has closed: when, why, and whether this side closed it (`expected`). */
  get closed(): (TransportCloseInfo & { at: number; expected: boolean }) | undefined {
    return this.#closed && { ...this.#closed, expected: this.#closing };
  }

  /** Starts the transport and negotiates the protocol version; rejects with a HarnessError. */
  async open(deadlineMs: number, harnessVersion: string): Promise<InitializeResult> {
    try {
      await this.peer.start();
    } catch (error) {
      throw new HarnessError(
        HarnessErrorCode.ExecutorStartFailed,
        `could not start the executor: ${(error as Error).message}`,
        undefined,
        { cause: error },
      );
    }
    const result = await this.peer
      .request(
        'initialize',
        { protocolVersion: PROTOCOL_VERSION, harnessInfo: { name: 'gauntlet', version: harnessVersion } },
        { deadlineMs },
      )
      .catch(async (error: unknown) => {
        // A write to an executor that already died fails before its exit is seen: wait (bounded) for the exit and its
        // stderr.
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([this.#closedOnce, new Promise((resolve) => (timer = setTimeout(resolve, EXIT_GRACE_MS)))]);
        clearTimeout(timer);
        const closed = this.#closed;
        const gist = closed?.stderrTail ? stderrGist(closed.stderrTail) : '';
        const why = closed
          ? `it exited (${closed.reason})${gist ? `: ${gist}` : ' without a word on stderr'}`
          : (error as Error).message;
        throw new HarnessError(
          HarnessErrorCode.ExecutorStartFailed,
          `the executor did not answer initialize: ${why}`,
          'initialize',
          { cause: error },
        );
      });
    if (!isCompatibleVersion(result.protocolVersion)) {
      throw new HarnessError(
        HarnessErrorCode.ExecutorStartFailed,
        `the executor speaks protocol ${result.protocolVersion}, Gauntlet speaks ${PROTOCOL_VERSION}`,
        'initialize',
      );
    }
    this.initializeResult = result;
    return result;
  }

  /** Sends a request; rejects with RpcError (the executor refused) or HarnessError. */
  request<M extends RequestMethod>(
    method: M,
    params: RequestMap[M]['params'],
    deadlineMs: number,
    signal?: AbortSignal,
  ): Promise<RequestMap[M]['result']> {
    return this.peer.request(method, params, { deadlineMs, ...(signal ? { signal } : {}) });
  }

  /** Feeds a chunk of the executor's log to the listeners. */
  log(text: string): void {
    const entry = { at: Date.now(), text };
    for (const listener of this.#logListeners) listener(entry);
  }

  /** Listens to the executor's log; returns the unsubscribe function. */
  onLog(listener: (entry: ExecutorLogEntry) => void): () => void {
    this.#logListeners.add(listener);
    return () => this.#logListeners.delete(listener);
  }

  /** Listens to every protocol violation the executor commits; returns the unsubscribe function. */
  onViolation(listener: (violation: ProtocolViolation) => void): () => void {
    return this.peer.onViolation(listener);
  }

  /** Listens to every tool call; returns the unsubscribe function. */
  onToolCall(listener: (call: ToolCallSeen) => void): () => void {
    this.#toolListeners.add(listener);
    return () => this.#toolListeners.delete(listener);
  }

  /** Answers the tool calls of one execution with `host`; returns the function that stops it. */
  hostTools(executionId: string, host: ToolHost): () => void {
    this.#toolHosts.set(executionId, host);
    return () => this.#toolHosts.delete(executionId);
  }

  /** Asks the executor to shut down, then closes; kills it if it does not go. */
  async shutdown(deadlineMs = 2000): Promise<void> {
    this.#closing = true;
    if (!this.#closed) await this.peer.request('shutdown', {}, { deadlineMs }).catch(() => undefined);
    await this.stop.close().catch(() => this.stop.kill());
  }

  /** Kills the executor at once (a hung or crashed executor gets no shutdown). */
  async kill(): Promise<void> {
    this.#closing = true;
    this.stop.kill();
    await this.stop.close().catch(() => undefined);
  }

  async #toolCall(params: ToolCallParams): Promise<ToolCallResult> {
    const seen = { at: Date.now(), params };
    for (const listener of this.#toolListeners) listener(seen);
    const host = this.#toolHosts.get(params.executionId);
    if (!host) return { isError: true, message: `no tool is offered to execution ${params.executionId}` };
    return host(params);
  }
}

/** Wraps a started-or-not transport in a harness peer and a connection. */
export function connectionOver(
  transport: Transport,
  stop: { kill(): void; close(): Promise<void> },
  defaultDeadlineMs: number,
): ExecutorConnection {
  return new ExecutorConnection(new Peer(transport, { role: 'harness', defaultDeadlineMs }), stop);
}

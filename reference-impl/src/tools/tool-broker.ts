import { isHarnessError, HarnessErrorCode } from '../../../src/errors/harness-error.js';
import type { Peer } from '../../../src/protocol/peer.js';
import type { Identity, ToolCallRecord, ToolCallStatus, ToolSpec } from '../../../src/protocol/generated/types.js';
import { isRpcError } from '../../../src/protocol/rpc-error.js';
import type { AuditRecord } from '../audit/audit-log.js';
import type { Redactor } from '../redaction/redactor.js';
import { ToolValidator } from './tool-validator.js';

/** The answer the sandbox gets for one call. */
export interface ToolAnswer {
  callId: string;
  status: ToolCallStatus;
  value?: string;
  message?: string;
}

/** A call as the sandbox sent it; every field is untrusted. */
export interface ToolRequest {
  callId: unknown;
  name: unknown;
  args: unknown;
}

export interface ToolBrokerOptions {
  peer: Peer;
  tools: readonly ToolSpec[];
  executionId: string;
  sessionId?: string;
  principal: Identity;
  redactor: Redactor;
  validator: ToolValidator;
  /** False under the tool-no-validation fault. */
  validate: boolean;
  /** False under the no-tool-timeout fault: only the wall time bounds a call. */
  enforceToolTimeout: boolean;
  /** False under the tool-any-name fault: calls to tools not offered go to the harness too. */
  offeredOnly: boolean;
  /** Milliseconds left of the execution's wall-time budget. */
  remainingMs: () => number;
  audit: (record: AuditRecord) => string | undefined;
}

const DEFAULT_TOOL_TIMEOUT_MS = 30_000;
const WALL_TIME_MARGIN_MS = 200;

/**
 * Carries one execution's tool calls to the harness. Steps per call: 1. refuse calls after the
 * execution ended and calls to tools not offered; 2. validate the arguments against the input
 * schema, so invalid calls never reach the harness; 3. send `tool/call` with a deadline bounded
 * by the tool's timeout and the remaining wall time; 4. record and audit the call.
 */
export class ToolBroker {
  readonly records: ToolCallRecord[] = [];
  readonly auditIds: string[] = [];
  #ended = false;
  #count = 0;
  readonly #end = new AbortController();

  constructor(private readonly options: ToolBrokerOptions) {}

  /** After this, every call is refused and calls in flight are abandoned. */
  end(): void {
    this.#ended = true;
    this.#end.abort();
  }

  async call(request: ToolRequest): Promise<ToolAnswer> {
    const started = performance.now();
    const sandboxCallId = String(request.callId);
    const name = typeof request.name === 'string' ? request.name.slice(0, 64) : '';
    const callId = `${this.options.executionId}.t${++this.#count}`;
    const answer = await this.#answer(callId, name, request.args);
    this.#record(callId, name, answer.status, performance.now() - started);
    return { ...answer, callId: sandboxCallId };
  }

  async #answer(callId: string, name: string, rawArgs: unknown): Promise<Omit<ToolAnswer, 'callId'>> {
    // 1.
    if (this.#ended) return { status: 'refused', message: `tool ${name} was called after its execution ended` };
    const tool =
      this.options.tools.find((t) => t.name === name) ??
      (this.options.offeredOnly ? undefined : { name, inputSchema: {} });
    if (!tool) return { status: 'denied', message: `tool ${name} is not offered to this execution` };
    // 2.
    let args: unknown;
    try {
      args = JSON.parse(String(rawArgs));
    } catch {
      return { status: 'invalid_arguments', message: 'tool arguments must be JSON' };
    }
    if (this.options.validate) {
      const issues =
        typeof args === 'object' && args !== null && !Array.isArray(args)
          ? this.options.validator.check(tool.inputSchema, args)
          : [{ pointer: '', message: 'must be an object' }];
      if (issues.length)
        return {
          status: 'invalid_arguments',
          message: this.options.redactor.redact(`invalid arguments for tool ${name}: ${ToolValidator.describe(issues)}`)
            .text,
        };
    }
    // 3.
    // A call that would outlast the wall time is left to the wall-time limit, which ends the whole
    // execution as a timeout; the margin only bounds the call should that limit be off.
    const toolTimeoutMs = this.options.enforceToolTimeout ? (tool.timeoutMs ?? DEFAULT_TOOL_TIMEOUT_MS) : Infinity;
    const remainingMs = this.options.remainingMs();
    const deadlineMs = Math.max(1, toolTimeoutMs <= remainingMs ? toolTimeoutMs : remainingMs + WALL_TIME_MARGIN_MS);
    try {
      const result = await this.options.peer.request(
        'tool/call',
        {
          executionId: this.options.executionId,
          ...(this.options.sessionId ? { sessionId: this.options.sessionId } : {}),
          callId,
          name,
          arguments: this.options.redactor.redactValue(args).value as Record<string, unknown>,
          principal: this.options.principal,
        },
        { deadlineMs, signal: this.#end.signal },
      );
      if (result.isError) return { status: 'error', message: result.message ?? `tool ${name} failed` };
      return { status: 'ok', ...(result.value === undefined ? {} : { value: JSON.stringify(result.value) }) };
    } catch (error) {
      if (isHarnessError(error, HarnessErrorCode.DeadlineExceeded, HarnessErrorCode.RequestCancelled))
        return { status: 'timeout', message: `tool ${name} did not answer within ${deadlineMs} ms` };
      if (isRpcError(error)) return { status: 'error', message: error.message };
      return { status: 'error', message: `tool ${name} could not be called` };
    }
  }

  #record(callId: string, name: string, status: ToolCallStatus, durationMs: number): void {
    this.records.push({ callId, name, status, durationMs: Math.round(durationMs * 10) / 10 });
    const { principal, executionId, sessionId } = this.options;
    const id = this.options.audit({
      event: 'tool.call',
      tenantId: principal.tenantId,
      userId: principal.userId,
      executionId,
      ...(sessionId ? { sessionId } : {}),
      status,
      detail: this.options.redactor.redact(name).text,
    });
    if (id) this.auditIds.push(id);
  }
}

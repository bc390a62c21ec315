import type {
  AuditEntry,
  ExecuteParams,
  ExecuteResult,
  ToolCallParams,
  ToolCallResult,
} from '../../protocol/generated/types.js';
import { askExecutor, type Answer } from './ask-executor.js';
import type { FuzzContext } from './fuzz-context.js';
import { rawRequest } from './raw-request.js';
import { answerDeadline } from '../../runner/answer-deadline.js';

/** Everything the harness saw of one execution. */
export interface ObservedExecution {
  answer: Answer<ExecuteResult>;
  /** The executor's log while the execution ran. */
  log: string;
  /** Tool calls that reached the harness, as received. */
  toolCalls: ToolCallParams[];
  /** When each tool call arrived and when the answer did, on the harness clock (performance.now()). */
  toolCallTimes: number[];
  answeredAt: number;
  /** The execution's audit entries, when asked for. */
  audit: AuditEntry[];
}

export interface ExecutionRequest extends Omit<ExecuteParams, 'executionId'> {
  /** Answers the code's tool calls; the default refuses every call. */
  tools?: (params: ToolCallParams) => ToolCallResult;
  /** Also fetch the execution's audit entries (one more request). */
  withAudit?: boolean;
  /** The harness's deadline for the answer; default: the wall-time budget plus the grace. */
  deadlineMs?: number;
  /** Send the params as they are, past the harness's own validation (for requests that must be refused). */
  unvalidated?: boolean;
}

let executions = 0;

/**
 * Runs one execution the way a fuzz check needs it: with a harness-chosen execution id (so the
 * harness can host its tools), the executor's log captured while it runs, and optionally its
 * audit entries. A connection that gave no answer is discarded, so the next input gets a fresh one.
 */
export async function observeExecution(context: FuzzContext, request: ExecutionRequest): Promise<ObservedExecution> {
  const { tools, withAudit, deadlineMs, unvalidated, ...params } = request;
  const connection = await context.connection();
  const executionId = `fz-${process.pid}-${++executions}`;
  let log = '';
  const toolCalls: ToolCallParams[] = [];
  const toolCallTimes: number[] = [];
  const stopLog = connection.onLog((entry) => {
    if (log.length < 4 * 1024 * 1024) log += entry.text;
  });
  const stopTools = connection.hostTools(executionId, async (call) => {
    toolCalls.push(call);
    toolCallTimes.push(performance.now());
    return tools ? tools(call) : { isError: true, message: 'no tool is offered' };
  });
  try {
    // A fuzzed policy's wallTimeMs may be no number or a tiny one: the answer still gets a second's budget.
    const deadline =
      deadlineMs ?? answerDeadline(Math.max(1000, Number(params.policy.wallTimeMs) || 0), context.graceMs);
    const answer = unvalidated
      ? ((await rawRequest(
          connection,
          'execute',
          { ...params, executionId },
          deadline,
          context.signal,
        )) as Answer<ExecuteResult>)
      : await askExecutor(connection, 'execute', { ...params, executionId }, deadline, context.signal);
    const answeredAt = performance.now();
    if (answer.kind === 'no-answer') context.discard(`no answer to execute within ${answer.deadlineMs} ms`);
    let audit: AuditEntry[] = [];
    if (withAudit && answer.kind !== 'no-answer' && answer.kind !== 'closed') {
      const entries = await askExecutor(
        connection,
        'audit/query',
        { principal: params.principal, executionId },
        10_000,
        context.signal,
      );
      if (entries.kind === 'result') audit = entries.result.entries;
    }
    return { answer, log, toolCalls, toolCallTimes, answeredAt, audit };
  } finally {
    stopLog();
    stopTools();
  }
}

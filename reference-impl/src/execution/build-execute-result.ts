import type { ExecuteResult, ExecutionError, Policy } from '../../../src/protocol/generated/types.js';
import type { Redactor } from '../redaction/redactor.js';
import type { ToolBroker } from '../tools/tool-broker.js';
import { executionError, type ErrorContext } from './execution-error.js';
import { cutToBytes } from './output-capture.js';
import type { RunRecord } from './run-in-sandbox.js';

export interface ResultInput {
  record: RunRecord;
  executionId: string;
  sessionId?: string;
  policy: Policy;
  redactor: Redactor;
  broker: ToolBroker;
  enforceOutput: boolean;
  errorContext: Omit<ErrorContext, 'policy' | 'peakMemoryBytes' | 'redactor'>;
}

/** An execute result before its audit entry exists, with what the audit entry records. */
export interface BuiltResult {
  result: ExecuteResult;
  redactions: number;
  limitsHit: string[];
}

/**
 * Turns a run into the protocol's result. Steps: 1. redact and cap both streams; 2. type the
 * error, if any; 3. redact and cap the result value (its JSON serialisation is what is capped).
 */
export function buildExecuteResult(input: ResultInput): BuiltResult {
  const { record, policy, redactor } = input;
  // 1.
  const stdout = record.stdout.finish(redactor);
  const stderr = record.stderr.finish(redactor);
  let redactions = stdout.redactions + stderr.redactions;
  // 2.
  const typed = executionError(record.stop, {
    ...input.errorContext,
    policy,
    redactor,
    peakMemoryBytes: record.peakMemoryBytes,
  });
  let error: ExecutionError | undefined = typed?.error;
  redactions += typed?.redactions ?? 0;
  // 3.
  let value: { result?: unknown; resultTruncated: boolean } = { resultTruncated: false };
  if (!error && record.stop.kind === 'done' && record.stop.done.json !== undefined) {
    const redacted = redactor.redactValue(JSON.parse(record.stop.done.json) as unknown);
    redactions += redacted.count;
    const json = JSON.stringify(redacted.value);
    const bytes = Buffer.byteLength(json);
    const cap = policy.output.resultBytes;
    if (!input.enforceOutput || bytes <= cap) value = { result: redacted.value, resultTruncated: false };
    else if (policy.output.onExceed === 'kill')
      error = {
        type: 'output_limit',
        message: `the result exceeded its cap of ${cap} bytes`,
        limit: { kind: 'result', configured: cap, observed: bytes },
      };
    else value = { result: cutToBytes(json, cap), resultTruncated: true };
  }
  const common = {
    executionId: input.executionId,
    ...(input.sessionId ? { sessionId: input.sessionId } : {}),
    stdout: stdout.output,
    stderr: stderr.output,
    toolCalls: input.broker.records,
    // The RSS poll misses what the kernel counted before it stopped the code: a memory limit
    // error's observed figure (the cgroup's peak, at least the cap it hit) is part of the peak.
    usage: {
      wallMs: Math.round(record.wallMs * 10) / 10,
      peakMemoryBytes: Math.max(
        0,
        Math.round(record.peakMemoryBytes),
        error?.limit?.kind === 'memory' ? (error.limit.observed ?? 0) : 0,
      ),
    },
    redactions,
    auditIds: [...input.broker.auditIds],
  };
  const limitsHit = [
    ...(error?.limit ? [error.limit.kind] : []),
    ...(stdout.output.truncated ? ['stdout'] : []),
    ...(stderr.output.truncated ? ['stderr'] : []),
    ...(value.resultTruncated ? ['result'] : []),
  ];
  const result: ExecuteResult = error ? { status: 'error', error, ...common } : { status: 'ok', ...common, ...value };
  return { result, redactions, limitsHit: [...new Set(limitsHit)] };
}

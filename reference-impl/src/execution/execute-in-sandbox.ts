import type { ExecuteParams, ExecuteResult, Policy } from '../../../src/protocol/generated/types.js';
import type { Peer } from '../../../src/protocol/peer.js';
import type { AuditRecord } from '../audit/audit-log.js';
import { expandEnvOnHost } from '../faults/expand-env-on-host.js';
import type { FaultSet } from '../faults/fault-registry.js';
import type { Redactor } from '../redaction/redactor.js';
import type { SandboxHandle as Sandbox } from '../sandbox/sandbox-handle.js';
import { ToolBroker } from '../tools/tool-broker.js';
import type { ToolValidator } from '../tools/tool-validator.js';
import { buildExecuteResult, type BuiltResult } from './build-execute-result.js';
import type { ExecutionStop } from './execution-stop.js';
import { runInSandbox } from './run-in-sandbox.js';

export interface SandboxExecution {
  params: ExecuteParams;
  executionId: string;
  seq: number;
  sandbox: Sandbox;
  peer: Peer;
  redactor: Redactor;
  validator: ToolValidator;
  faults: FaultSet;
  sandboxDir: string;
  signal: AbortSignal;
  audit: (record: AuditRecord) => string | undefined;
}

/** A finished execution: its result, what the audit records about it, and how it stopped. */
export interface ExecutionOutcome extends BuiltResult {
  stop: ExecutionStop['kind'];
}

/**
 * Runs one execution in a sandbox that the caller has already acquired, and types its result.
 * The caller decides what becomes of the sandbox afterwards.
 */
export async function executeInSandbox(input: SandboxExecution): Promise<ExecutionOutcome> {
  const { params, faults } = input;
  const policy: Policy = faults.has('env-shell-expansion') ? expandEnvOnHost(params.policy) : params.policy;
  const started = performance.now();
  const broker = new ToolBroker({
    peer: input.peer,
    tools: policy.tools ?? [],
    executionId: input.executionId,
    ...(params.sessionId ? { sessionId: params.sessionId } : {}),
    principal: { tenantId: params.principal.tenantId, userId: params.principal.userId },
    redactor: input.redactor,
    validator: input.validator,
    validate: !faults.has('tool-no-validation'),
    enforceToolTimeout: !faults.has('no-tool-timeout'),
    offeredOnly: !faults.has('tool-any-name'),
    remainingMs: () => policy.wallTimeMs - (performance.now() - started),
    audit: input.audit,
  });
  const enforceOutput = !faults.has('no-output-cap');
  const record = await runInSandbox({
    sandbox: input.sandbox,
    seq: input.seq,
    language: params.language,
    code: params.code,
    policy,
    broker,
    signal: input.signal,
    enforce: {
      wallTime: !faults.has('no-timeout'),
      memory: !faults.has('no-memory-cap'),
      output: enforceOutput,
      callOwnership: !faults.has('late-tool-calls'),
      kill: !faults.has('abandon-on-stop'),
      outputInBytes: !faults.has('output-cap-chars'),
      killAtOnce: !faults.has('stop-awaits-drain'),
    },
  });
  const built = buildExecuteResult({
    record,
    executionId: input.executionId,
    ...(params.sessionId ? { sessionId: params.sessionId } : {}),
    policy,
    redactor: input.redactor,
    broker,
    enforceOutput,
    errorContext: { sandboxDir: input.sandboxDir, leaky: faults.has('leaky-errors') },
  });
  return { ...built, stop: record.stop.kind };
}

/** The result of an execution that never got a sandbox. */
export function internalFailure(executionId: string, message: string): ExecuteResult {
  const empty = { text: '', truncated: false, bytes: 0 };
  return {
    status: 'error',
    executionId,
    error: { type: 'internal', message },
    stdout: empty,
    stderr: empty,
    toolCalls: [],
    usage: { wallMs: 0 },
    redactions: 0,
    auditIds: [],
  };
}

import { ErrorCodes } from '../../../src/protocol/generated/error-codes.js';
import type { Language, Policy, ValidationIssue } from '../../../src/protocol/generated/types.js';
import { RpcError } from '../../../src/protocol/rpc-error.js';
import type { FaultSet } from '../faults/fault-registry.js';
import { maximums } from '../server/limits.js';
import type { ToolValidator } from '../tools/tool-validator.js';
import { runtimeEnvIssues } from './runtime-env-issues.js';

/** What the executor's backend can run and enforce. */
export interface BackendSupport {
  languages: readonly Language[];
  /** The backend can let code start processes (the Docker backend); Deno never does. */
  canAllowSubprocesses: boolean;
  /** Host tools and network allow-lists need a bridge the Docker backend does not have. */
  tools: boolean;
  networkAllowlist: boolean;
  /**
   * A session's sandbox can run one execution under a lower memory cap (Deno: the memory cgroup and
   * the resident-memory watch are armed per run). A container's cap is fixed when it starts.
   */
  lowersSessionMemory: boolean;
}

/** The Deno backend's support. */
export const DENO_SUPPORT: BackendSupport = {
  languages: ['javascript', 'typescript', 'python'],
  canAllowSubprocesses: false,
  tools: true,
  networkAllowlist: true,
  lowersSessionMemory: true,
};

/**
 * Checks what a request asks for before anything runs: the language, the code's size and every
 * policy value against the advertised maximums (-32602 with one issue per member), then whether
 * every part of the policy can be enforced (-32004, fail closed).
 */
export function checkRequest(
  input: { language: Language; code?: string; policy: Policy },
  validator: ToolValidator,
  faults: FaultSet,
  support: BackendSupport = DENO_SUPPORT,
): void {
  // 1. Invalid: unknown language, too much code, values above a maximum.
  const issues: ValidationIssue[] = [];
  let reason = 'above_maximum';
  if (!support.languages.includes(input.language)) {
    issues.push({
      pointer: '/language',
      message: `unsupported language; this executor runs ${support.languages.join(', ')}`,
    });
    reason = 'unknown_language';
  }
  const checkMaximums = !faults.has('no-maximum-check');
  if (checkMaximums && input.code !== undefined && Buffer.byteLength(input.code) > maximums.codeBytes) {
    issues.push({ pointer: '/code', message: `code is larger than the maximum of ${maximums.codeBytes} bytes` });
    reason = 'code_too_large';
  }
  issues.push(...policyIssues(input.policy, validator, checkMaximums));
  const envIssues = faults.has('docker-runtime-env') ? [] : runtimeEnvIssues(input.policy.env);
  if (envIssues.length) reason = 'runtime_env_name';
  issues.push(...envIssues);
  if (issues.length)
    throw RpcError.invalidParams(
      `Invalid params: ${issues.map((i) => `${i.pointer}: ${i.message}`).join('; ')}`,
      issues,
      reason,
    );
  // 2. Unsupported: what this executor cannot enforce.
  const unsupported: string[] = [];
  if (input.policy.allowSubprocesses && !support.canAllowSubprocesses && !faults.has('allow-subprocess'))
    unsupported.push('/policy/allowSubprocesses');
  if (!support.tools && (input.policy.tools?.length ?? 0) > 0) unsupported.push('/policy/tools');
  if (!support.networkAllowlist && input.policy.network.mode === 'allowlist') unsupported.push('/policy/network');
  if (unsupported.length)
    throw new RpcError(ErrorCodes.UnsupportedPolicy, `Unsupported policy: cannot enforce ${unsupported.join(', ')}`, {
      unsupported,
    });
}

function policyIssues(policy: Policy, validator: ToolValidator, checkMaximums: boolean): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const over = (pointer: string, value: number, max: number) => {
    if (checkMaximums && value > max) issues.push({ pointer, message: `${value} is above the maximum of ${max}` });
  };
  over('/policy/wallTimeMs', policy.wallTimeMs, maximums.wallTimeMs);
  over('/policy/memoryBytes', policy.memoryBytes, maximums.memoryBytes);
  over('/policy/output/stdoutBytes', policy.output.stdoutBytes, maximums.stdoutBytes);
  over('/policy/output/stderrBytes', policy.output.stderrBytes, maximums.stderrBytes);
  over('/policy/output/resultBytes', policy.output.resultBytes, maximums.resultBytes);
  const names = new Set<string>();
  (policy.tools ?? []).forEach((tool, index) => {
    if (names.has(tool.name))
      issues.push({ pointer: `/policy/tools/${index}/name`, message: `tool ${tool.name} is offered twice` });
    names.add(tool.name);
    if (tool.timeoutMs !== undefined) over(`/policy/tools/${index}/timeoutMs`, tool.timeoutMs, maximums.toolTimeoutMs);
    const problem = validator.problem(tool.inputSchema);
    if (problem)
      issues.push({
        pointer: `/policy/tools/${index}/inputSchema`,
        message: `not a usable JSON Schema: ${problem.slice(0, 500)}`,
      });
  });
  return issues;
}

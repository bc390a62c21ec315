import { ErrorCodes } from '../../../src/protocol/generated/error-codes.js';
import type { Policy, ValidationIssue } from '../../../src/protocol/generated/types.js';
import { RpcError } from '../../../src/protocol/rpc-error.js';
import { type BackendSupport, DENO_SUPPORT } from './check-policy.js';

/**
 * An execution in a session may tighten the session's policy, never loosen it (-32602 names each
 * looser member). What is fixed when the session's sandbox starts (network grants, the file
 * system mode, a container's memory cap) cannot be tightened later, so a different value there is
 * refused (-32004): running the execution under the session's value would be a weaker policy.
 */
export function checkSessionPolicy(session: Policy, execution: Policy, support: BackendSupport = DENO_SUPPORT): void {
  // 1. Looser members.
  const issues: ValidationIssue[] = [];
  const looser = (pointer: string, what: string) =>
    issues.push({ pointer, message: `looser than the session's policy: ${what}` });
  if (execution.wallTimeMs > session.wallTimeMs) looser('/policy/wallTimeMs', `above ${session.wallTimeMs}`);
  if (execution.memoryBytes > session.memoryBytes) looser('/policy/memoryBytes', `above ${session.memoryBytes}`);
  for (const key of ['stdoutBytes', 'stderrBytes', 'resultBytes'] as const) {
    if (execution.output[key] > session.output[key]) looser(`/policy/output/${key}`, `above ${session.output[key]}`);
  }
  if (session.output.onExceed === 'kill' && execution.output.onExceed === 'truncate')
    looser('/policy/output/onExceed', 'the session kills on overflow');
  if (execution.allowSubprocesses && !session.allowSubprocesses)
    looser('/policy/allowSubprocesses', 'the session allows none');
  const sessionHosts: string[] = session.network.mode === 'allowlist' ? session.network.allow : [];
  const hosts: string[] = execution.network.mode === 'allowlist' ? execution.network.allow : [];
  hosts.forEach(
    (host, i) =>
      sessionHosts.includes(host) || looser(`/policy/network/allow/${i}`, `${host} is not allowed in the session`),
  );
  const sessionTools = new Set((session.tools ?? []).map((t) => t.name));
  (execution.tools ?? []).forEach(
    (tool, i) =>
      sessionTools.has(tool.name) || looser(`/policy/tools/${i}`, `tool ${tool.name} is not offered in the session`),
  );
  if (issues.length)
    throw RpcError.invalidParams(
      `Invalid params: ${issues.map((i) => `${i.pointer}: ${i.message}`).join('; ')}`,
      issues,
      'looser_than_session',
    );
  // 2. Tighter, but fixed at the sandbox's start.
  const unsupported: string[] = [];
  if (hosts.length !== sessionHosts.length) unsupported.push('/policy/network');
  if (execution.filesystem !== session.filesystem) unsupported.push('/policy/filesystem');
  if (!support.lowersSessionMemory && execution.memoryBytes < session.memoryBytes)
    unsupported.push('/policy/memoryBytes');
  if (unsupported.length)
    throw new RpcError(
      ErrorCodes.UnsupportedPolicy,
      `Unsupported policy: a session's sandbox cannot change ${unsupported.join(', ')}`,
      { unsupported },
    );
}

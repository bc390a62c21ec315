import { ErrorCodes } from '../../src/protocol/generated/error-codes.js';
import type { Capabilities, ExecuteParams, LanguageInfo, ValidationIssue } from '../../src/protocol/generated/types.js';
import { RpcError } from '../../src/protocol/rpc-error.js';

/**
 * Checks an execute request against what the adapter declared, before anything runs:
 * 1. invalid (-32602): a language it does not run, code or policy values above its maximums;
 * 2. unsupported (-32004, fail closed): a mode, a subprocess setting, tools or secrets it cannot
 *    enforce. Limits declared `none` (memory, wall time) are not refused: the capability already
 *    told the harness they are not enforced, and every policy carries them.
 */
export function checkRequest(
  params: ExecuteParams,
  languages: readonly LanguageInfo[],
  capabilities: Capabilities,
): void {
  const { policy } = params;
  const max = capabilities.maximums;
  const issues: ValidationIssue[] = [];
  if (!languages.some((l) => l.id === params.language))
    issues.push({ pointer: '/language', message: `this executor runs ${languages.map((l) => l.id).join(', ')}` });
  if (Buffer.byteLength(params.code) > max.codeBytes)
    issues.push({ pointer: '/code', message: `code is larger than the maximum of ${max.codeBytes} bytes` });
  const over = (pointer: string, value: number, limit: number) => {
    if (value > limit) issues.push({ pointer, message: `${value} is above the maximum of ${limit}` });
  };
  over('/policy/wallTimeMs', policy.wallTimeMs, max.wallTimeMs);
  over('/policy/memoryBytes', policy.memoryBytes, max.memoryBytes);
  over('/policy/output/stdoutBytes', policy.output.stdoutBytes, max.stdoutBytes);
  over('/policy/output/stderrBytes', policy.output.stderrBytes, max.stderrBytes);
  over('/policy/output/resultBytes', policy.output.resultBytes, max.resultBytes);
  if (issues.length)
    throw RpcError.invalidParams(
      `Invalid params: ${issues.map((i) => `${i.pointer}: ${i.message}`).join('; ')}`,
      issues,
    );

  const unsupported: string[] = [];
  if (params.sessionId !== undefined && !capabilities.sessions.supported) unsupported.push('/sessionId');
  if (!capabilities.network.includes(policy.network.mode)) unsupported.push('/policy/network');
  if (!capabilities.filesystem.includes(policy.filesystem)) unsupported.push('/policy/filesystem');
  if (!capabilities.outputModes.includes(policy.output.onExceed)) unsupported.push('/policy/output/onExceed');
  const subprocessesOk = policy.allowSubprocesses
    ? capabilities.subprocesses.canAllow
    : capabilities.subprocesses.canDeny;
  if (!subprocessesOk) unsupported.push('/policy/allowSubprocesses');
  if ((policy.tools?.length ?? 0) > 0 && !capabilities.tools.supported) unsupported.push('/policy/tools');
  if ((policy.secrets?.length ?? 0) > 0 && !capabilities.redaction.supported) unsupported.push('/policy/secrets');
  if (unsupported.length)
    throw new RpcError(
      ErrorCodes.UnsupportedPolicy,
      `Unsupported policy: this executor cannot enforce ${unsupported.join(', ')}`,
      { unsupported },
    );
}

import type { Capabilities, Policy } from '../protocol/generated/types.js';

/**
 * The run's base policy made acceptable to the executor, from what it declared in `initialize`:
 * a filesystem, output or subprocess mode it does not offer is replaced by the strictest one it
 * does (`none` files, `truncate`, denied subprocesses unless it can only allow them), and numbers
 * are lowered to its maximums. Every case starts from this policy, and so does every follow-up
 * probe, so an honest executor never has to refuse the harness's own defaults. A scenario that
 * needs a mode back (kill mode, a scratch directory) says so in its policy, and is unsupported
 * where the mode is not declared (see `unsupportedReason`).
 */
export function fitPolicy(base: Policy, capabilities: Capabilities): Policy {
  const { maximums } = capabilities;
  const pick = <T extends string>(wanted: T, offered: readonly T[], preference: readonly T[]): T =>
    offered.includes(wanted) ? wanted : (preference.find((mode) => offered.includes(mode)) ?? wanted);
  const filesystem = pick(base.filesystem, capabilities.filesystem, ['none', 'ephemeral', 'session']);
  const onExceed = pick(base.output.onExceed, capabilities.outputModes, ['truncate', 'kill']);
  const { canAllow, canDeny } = capabilities.subprocesses;
  const allowSubprocesses = base.allowSubprocesses ? canAllow || !canDeny : !canDeny && canAllow;
  return {
    ...base,
    wallTimeMs: Math.min(base.wallTimeMs, maximums.wallTimeMs),
    memoryBytes: Math.min(base.memoryBytes, maximums.memoryBytes),
    output: {
      stdoutBytes: Math.min(base.output.stdoutBytes, maximums.stdoutBytes),
      stderrBytes: Math.min(base.output.stderrBytes, maximums.stderrBytes),
      resultBytes: Math.min(base.output.resultBytes, maximums.resultBytes),
      onExceed,
    },
    filesystem,
    allowSubprocesses,
  };
}

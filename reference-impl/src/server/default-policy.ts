import type { Policy } from '../../../src/protocol/generated/types.js';

/**
 * The policy whose sandboxes are warmed at start: the harness's usual one (256 MiB, no network,
 * an ephemeral directory). Sandboxes of other profiles start cold the first time, then stay warm.
 */
export function defaultPolicy(): Policy {
  return {
    wallTimeMs: 5000,
    memoryBytes: 256 * 1024 * 1024,
    output: { stdoutBytes: 64 * 1024, stderrBytes: 64 * 1024, resultBytes: 64 * 1024, onExceed: 'truncate' },
    network: { mode: 'none' },
    filesystem: 'ephemeral',
    allowSubprocesses: false,
  };
}

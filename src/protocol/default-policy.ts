import type { Policy } from './generated/types.js';

/**
 * The policy every case starts from, before the target's, the scenario's and the step's
 * overrides: tight, no network, an ephemeral scratch directory, no subprocesses.
 */
export const defaultPolicy: Readonly<Policy> = Object.freeze<Policy>({
  wallTimeMs: 5000,
  memoryBytes: 256 * 1024 * 1024,
  output: { stdoutBytes: 64 * 1024, stderrBytes: 64 * 1024, resultBytes: 64 * 1024, onExceed: 'truncate' },
  network: { mode: 'none' },
  filesystem: 'ephemeral',
  allowSubprocesses: false,
});

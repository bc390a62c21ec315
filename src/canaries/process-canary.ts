import { spawn } from 'node:child_process';
import { execPath } from 'node:process';
import type { Canary } from './canary.js';
import type { HostProcessState } from './host-process-state.js';

/** Long enough to outlive any case; the canary kills it on release. */
const SLEEP_MS = 3_600_000;

/**
 * A sleeping process on the executor's host that Gauntlet starts and owns for the case; the code
 * is given its pid. Gauntlet is its parent, so its exit is seen first hand, whoever signalled it:
 * a sandbox that lets code signal processes outside itself ends it.
 */
export const processCanary: Canary = {
  kind: 'process',
  description: "a sleeping process on the executor's host whose pid the code is given and must not end",
  requires: [],
  variables: ['pid'],
  unsupportedReason: (target) =>
    target.sameHost
      ? undefined
      : "the process canary starts a process on Gauntlet's host, which a remote executor does not share",
  async plant() {
    // Node itself, so the victim exists wherever the harness runs; no stdio, so it holds no pipe open.
    const child = spawn(execPath, ['-e', `setTimeout(() => {}, ${SLEEP_MS})`], { stdio: 'ignore' });
    await new Promise<void>((resolve, reject) => {
      child.once('spawn', resolve);
      child.once('error', reject);
    });
    const pid = child.pid!;
    let ended: HostProcessState['ended'];
    child.once('exit', (code, signal) => (ended = { code, signal, at: Date.now() }));
    return {
      kind: 'process',
      tokens: [],
      variables: { pid: String(pid) },
      processes: () => [{ pid, alive: ended === undefined, ...(ended ? { ended } : {}) }],
      release: async () => {
        if (ended) return;
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGKILL');
        await exited;
      },
    };
  },
};

import { makeFinding } from './make-finding.js';
import type { OracleFor } from './oracle.js';

/**
 * The processes the process canary started on the executor's host still run after the steps. The
 * harness is their parent, so an exit it saw is first-hand evidence; without the canary's
 * processes there is nothing to judge, and the case's proofs of execution say whether it ran.
 */
export const hostProcessesAlive: OracleFor<'host-processes-alive'> = {
  name: 'host-processes-alive',
  description: 'the host processes whose pids the code was given still run after the steps',
  requires: [],
  judge(observation) {
    return (observation.hostProcesses ?? [])
      .filter((p) => !p.alive)
      .map((p) =>
        makeFinding(
          'host-processes-alive',
          `the host process ${p.pid} that Gauntlet started for the case ended during it (${
            p.ended?.signal ? `signal ${p.ended.signal}` : `exit code ${p.ended?.code ?? 'unknown'}`
          })`,
          p.ended?.at ?? Date.now(),
          { expected: `process ${p.pid} still running`, observed: p.ended?.signal ?? `exit ${p.ended?.code}` },
        ),
      );
  },
};

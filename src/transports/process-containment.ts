/**
 * Which guarantee a spawned executor gets:
 * - `cgroup`: it and every process it starts, at any depth (setsid children and double-forked
 *   daemons included), are members of a cgroup of their own; release stops forks and kills all.
 * - `process-group`: only what stays in the executor's process group is killed; a descendant that
 *   calls setsid or setpgid escapes.
 */
export type ContainmentKind = 'cgroup' | 'process-group';

/** Everything an executor started, as one unit that can be listed and killed. */
export interface ProcessContainment {
  readonly kind: ContainmentKind;
  /** The command line to spawn, so that the executor enters the containment before its own code runs. */
  wrap(command: string, args: readonly string[]): { command: string; args: string[] };
  /** Records the pid of the spawned process (the leader of its own process group). */
  adopt(pid: number): void;
  /** The pids of the processes in the containment now (the group leader alone for `process-group`). */
  pids(): number[];
  /** Sends SIGKILL to everything in the containment, synchronously, so it works in an exit handler. */
  killAll(): void;
  /** Kills everything, waits (at most `deadlineMs`) until nothing remains, and frees the containment. */
  release(deadlineMs?: number): Promise<void>;
}

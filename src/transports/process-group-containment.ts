import type { ContainmentKind, ProcessContainment } from './process-containment.js';

/**
 * The fallback where no cgroup can be made: the executor leads its own process group (it is
 * spawned detached) and the whole group is killed. A descendant that leaves the group (setsid,
 * setpgid, a double fork into a new session) is not reached.
 */
export class ProcessGroupContainment implements ProcessContainment {
  readonly kind: ContainmentKind = 'process-group';
  #pid: number | undefined;

  wrap(command: string, args: readonly string[]): { command: string; args: string[] } {
    return { command, args: [...args] };
  }

  adopt(pid: number): void {
    this.#pid = pid;
  }

  pids(): number[] {
    return this.#pid === undefined ? [] : [this.#pid];
  }

  killAll(): void {
    if (this.#pid === undefined) return;
    try {
      process.kill(-this.#pid, 'SIGKILL');
    } catch {
      // The group is already gone.
    }
  }

  release(): Promise<void> {
    this.killAll();
    return Promise.resolve();
  }
}

import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryCgroup, type CgroupVersion } from './memory-cgroup.js';

/** Every sandbox cgroup's name starts so: `gauntlet-sandbox-<executor pid>-<sandbox id>`. */
export const SANDBOX_CGROUP_PREFIX = 'gauntlet-sandbox-';

/** Either a host that makes sandbox cgroups, or why there is none (then memory is only watched). */
export type MemoryCgroupSupport = { kind: 'hard'; host: MemoryCgroupHost } | { kind: 'soft'; reason: string };

/**
 * Makes and removes the sandboxes' memory cgroups. They are children of the executor's own
 * memory cgroup (or of `--cgroup-root`), so whatever limits the executor also limits them.
 * Steps of opening: 1. find the parent folder and its version; 2. remove cgroups that executors
 * which died left there; 3. prove a child can be made, limited and removed. Any failure means
 * no kernel cap, and says why.
 */
export class MemoryCgroupHost {
  readonly #live = new Set<MemoryCgroup>();
  readonly #onExit = () => this.removeAllNow();

  private constructor(
    readonly parent: string,
    readonly version: CgroupVersion,
  ) {}

  /** Opens the host under `root` (a cgroup folder), or under the executor's own memory cgroup. */
  static open(root: string | undefined): MemoryCgroupSupport {
    // 1.
    const parent = root ?? ownMemoryCgroup();
    if (!parent)
      return {
        kind: 'soft',
        reason: 'no memory cgroup is mounted (cgroup v2 with the memory controller, or v1 memory)',
      };
    if (!existsSync(parent)) return { kind: 'soft', reason: `the cgroup folder ${parent} does not exist` };
    const version = cgroupVersion(parent);
    if (!version) return { kind: 'soft', reason: `${parent} is not a memory cgroup` };
    const host = new MemoryCgroupHost(parent, version);
    // 2. and 3.
    try {
      if (version === 2) enableMemoryController(parent);
      host.reap();
      const probe = host.create(`probe-${Date.now()}`);
      probe.setLimit(64 * 1024 * 1024);
      if (!probe.removeNow()) throw new Error(`could not remove ${probe.path}`);
    } catch (error) {
      return {
        kind: 'soft',
        reason: `no sandbox cgroup can be made under ${parent}: ${errorMessage(error)}`,
      };
    }
    process.on('exit', host.#onExit);
    return { kind: 'hard', host };
  }

  /** A new, still unlimited cgroup for one sandbox. */
  create(id: string): MemoryCgroup {
    const path = join(this.parent, `${SANDBOX_CGROUP_PREFIX}${process.pid}-${id}`);
    mkdirSync(path);
    const cgroup = new MemoryCgroup(path, this.version, (gone) => this.#live.delete(gone));
    this.#live.add(cgroup);
    return cgroup;
  }

  /** How many sandbox cgroups this host has made and not yet removed. */
  get liveCount(): number {
    return this.#live.size;
  }

  /**
   * Removes the sandbox cgroups of executors that are no longer running (their pid is in the
   * name), killing anything left in them. Returns how many it removed.
   */
  reap(): number {
    let removed = 0;
    for (const name of readdirSync(this.parent)) {
      const match = new RegExp(`^${SANDBOX_CGROUP_PREFIX}(\\d+)-`).exec(name);
      if (!match || isRunning(Number(match[1]))) continue;
      if (new MemoryCgroup(join(this.parent, name), this.version, () => undefined).removeNow()) removed++;
    }
    return removed;
  }

  /**
   * Last resort on exit (nothing asynchronous runs any more): kills what is left in each live
   * cgroup and removes it, spinning briefly while the kernel finishes the kills.
   */
  removeAllNow(deadlineMs = 1000): void {
    const until = performance.now() + deadlineMs;
    const pause = new Int32Array(new SharedArrayBuffer(4));
    while (this.#live.size > 0 && performance.now() < until) {
      for (const cgroup of [...this.#live]) cgroup.removeNow();
      if (this.#live.size > 0) Atomics.wait(pause, 0, 0, 10);
    }
  }

  /** Removes every live cgroup (their sandboxes are killed first) and forgets the exit handler. */
  async close(deadlineMs = 2000): Promise<void> {
    await Promise.all([...this.#live].map((cgroup) => cgroup.remove(deadlineMs)));
    process.off('exit', this.#onExit);
  }
}

/** The folder of this process's own memory cgroup: v2's unified one if it has memory, else v1's. */
export function ownMemoryCgroup(): string | undefined {
  let membership: string;
  let mounts: string;
  try {
    membership = readFileSync('/proc/self/cgroup', 'utf8');
    mounts = readFileSync('/proc/self/mountinfo', 'utf8');
  } catch {
    return undefined;
  }
  const lines = mounts.split('\n').map((line) => {
    const [left = '', right = ''] = line.split(' - ');
    const fields = left.split(' ');
    const [fsType = '', , superOptions = ''] = right.split(' ');
    return { root: fields[3] ?? '', mountPoint: fields[4] ?? '', fsType, superOptions: superOptions.split(',') };
  });
  const joinRelative = (mount: { root: string; mountPoint: string }, path: string) => {
    const relative = mount.root !== '/' && path.startsWith(mount.root) ? path.slice(mount.root.length) : path;
    return join(mount.mountPoint, relative);
  };
  for (const line of membership.split('\n')) {
    const [, controllers = '', path = ''] = /^\d+:([^:]*):(.*)$/.exec(line) ?? [];
    if (controllers === '' && path) {
      const mount = lines.find((m) => m.fsType === 'cgroup2');
      if (mount && readText(join(mount.mountPoint, 'cgroup.controllers'))?.split(/\s+/).includes('memory'))
        return joinRelative(mount, path);
    } else if (controllers.split(',').includes('memory')) {
      const mount = lines.find((m) => m.fsType === 'cgroup' && m.superOptions.includes('memory'));
      if (mount) return joinRelative(mount, path);
    }
  }
  return undefined;
}

function cgroupVersion(dir: string): CgroupVersion | undefined {
  if (existsSync(join(dir, 'memory.limit_in_bytes'))) return 1;
  if (readText(join(dir, 'cgroup.controllers'))?.split(/\s+/).includes('memory')) return 2;
  return undefined;
}

/**
 * v2 gives children a controller only through the parent's subtree_control, which the kernel
 * refuses on a cgroup that holds processes itself (unless it is the root): that failure is a reason.
 */
function enableMemoryController(parent: string): void {
  if (readText(join(parent, 'cgroup.subtree_control'))?.split(/\s+/).includes('memory')) return;
  writeFileSync(join(parent, 'cgroup.subtree_control'), '+memory');
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

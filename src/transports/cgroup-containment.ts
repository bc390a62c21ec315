import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import type { ContainmentKind, ProcessContainment } from './process-containment.js';
import { processStartTicks } from './process-start-ticks.js';

/** Where Gauntlet's cgroups go, under the root of a cgroup hierarchy. */
const PARENT = 'gauntlet';
/** Hierarchies tried in order: cgroup v1's pids controller, then a cgroup v2 hierarchy. */
const HIERARCHIES = ['/sys/fs/cgroup/pids', '/sys/fs/cgroup/unified', '/sys/fs/cgroup'];
/** The script that moves itself into the cgroup named by $0 and then becomes the executor. */
const ENTER =
  'echo $$ > "$0/cgroup.procs" || { echo "gauntlet: could not enter the cgroup $0" >&2; exit 125; }; exec "$@"';
const SHELL = '/bin/sh';

let parent: string | null | undefined;
let sequence = 0;

/**
 * A cgroup of its own for one executor. The executor is spawned through a shell that joins the
 * cgroup and then execs it, so the executor and everything it ever starts are members, whatever
 * session or process group they move to, and however often they fork. Release forbids new forks
 * (pids.max = 0 where the pids controller is present; cgroup.kill on cgroup v2) and SIGKILLs
 * every member until none is left. The cgroup's name carries the harness's pid and start time,
 * so a harness that starts later removes the cgroups of one that was killed outright.
 */
export class CgroupContainment implements ProcessContainment {
  readonly kind: ContainmentKind = 'cgroup';

  private constructor(readonly path: string) {}

  /** A fresh cgroup, or undefined where this host gives none (not Linux, no writable hierarchy). */
  static create(): CgroupContainment | undefined {
    const base = cgroupParent();
    if (!base) return undefined;
    const path = join(base, `${ownerTag()}-${++sequence}`);
    try {
      mkdirSync(path);
    } catch {
      return undefined;
    }
    return new CgroupContainment(path);
  }

  wrap(command: string, args: readonly string[]): { command: string; args: string[] } {
    return { command: SHELL, args: ['-c', ENTER, this.path, command, ...args] };
  }

  adopt(): void {
    // Membership is established by the wrapper before the executor's first instruction.
  }

  pids(): number[] {
    return memberPids(this.path);
  }

  killAll(): void {
    killMembers(this.path);
  }

  async release(deadlineMs = 3000): Promise<void> {
    const until = Date.now() + deadlineMs;
    killMembers(this.path);
    while (memberPids(this.path).length > 0 && Date.now() < until) {
      await delay(20);
      killMembers(this.path);
    }
    removeCgroup(this.path);
  }
}

/** The pids listed in a cgroup's cgroup.procs (empty once it is gone). */
function memberPids(path: string): number[] {
  try {
    return readFileSync(join(path, 'cgroup.procs'), 'utf8').split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

function killMembers(path: string): void {
  // 1. No new process may start in the cgroup, so a fork loop cannot outrun the kills.
  tryWrite(join(path, 'pids.max'), '0');
  // 2. cgroup v2 (Linux 5.14+) kills every member atomically.
  tryWrite(join(path, 'cgroup.kill'), '1');
  // 3. Everywhere else, SIGKILL member by member.
  for (const pid of memberPids(path)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Exited meanwhile.
    }
  }
}

function removeCgroup(path: string): void {
  try {
    rmdirSync(path);
  } catch {
    // Still populated (a member in uninterruptible sleep): the next harness's reaping removes it.
  }
}

function tryWrite(file: string, text: string): void {
  try {
    writeFileSync(file, text);
  } catch {
    // Absent on this hierarchy, or the cgroup is gone.
  }
}

/** `<pid>-<start ticks>` of this harness process. */
function ownerTag(): string {
  return `${process.pid}-${processStartTicks(process.pid) ?? '0'}`;
}

/**
 * The parent cgroup of Gauntlet's cgroups, found once per process: the first hierarchy where a
 * cgroup can be made and a process can be moved into it (checked by doing it), or null.
 */
function cgroupParent(): string | null {
  if (parent !== undefined) return parent;
  parent = null;
  if (process.platform !== 'linux' || !existsSync(SHELL)) return parent;
  for (const hierarchy of HIERARCHIES) {
    if (!existsSync(join(hierarchy, 'cgroup.procs'))) continue;
    const candidate = join(hierarchy, PARENT);
    const probe = join(candidate, `${ownerTag()}-probe`);
    try {
      mkdirSync(candidate, { recursive: true });
      mkdirSync(probe, { recursive: true });
      const entered = spawnSync(SHELL, ['-c', ENTER, probe, 'true'], { stdio: 'ignore', timeout: 5000 });
      rmdirSync(probe);
      if (entered.status !== 0) continue;
    } catch {
      continue;
    }
    parent = candidate;
    reapLeftovers(candidate);
    break;
  }
  return parent;
}

/** Kills the members of, and removes, the cgroups of harness processes that no longer exist. */
function reapLeftovers(base: string): void {
  let names: string[];
  try {
    names = readdirSync(base);
  } catch {
    return;
  }
  for (const name of names) {
    const match = /^(\d+)-(\d+)-/.exec(name);
    if (!match || ownerAlive(Number(match[1]), match[2]!)) continue;
    const path = join(base, name);
    for (let round = 0; round < 20 && memberPids(path).length > 0; round++) {
      killMembers(path);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
    }
    removeCgroup(path);
  }
}

function ownerAlive(pid: number, startTicks: string): boolean {
  if (pid === process.pid) return true;
  const ticks = processStartTicks(pid);
  return ticks !== undefined && (startTicks === '0' || ticks === startTicks);
}

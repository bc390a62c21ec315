import { readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MemoryPressure } from './memory-stall-watch.js';

/** Which cgroup interface a memory cgroup speaks. */
export type CgroupVersion = 1 | 2;

/** The memory files of each version: limit, swap limit, usage, peak, and where the OOM count is. */
const FILES = {
  1: {
    limit: 'memory.limit_in_bytes',
    swap: 'memory.memsw.limit_in_bytes',
    usage: 'memory.usage_in_bytes',
    peak: 'memory.max_usage_in_bytes',
    events: 'memory.oom_control',
  },
  2: {
    limit: 'memory.max',
    swap: 'memory.swap.max',
    usage: 'memory.current',
    peak: 'memory.peak',
    events: 'memory.events',
  },
} as const;

const REMOVE_POLL_MS = 10;

/**
 * One sandbox's memory cgroup: the kernel charges every page its processes touch (V8's heap,
 * array buffers, Pyodide's WebAssembly memory) and its OOM killer ends them at the limit, however
 * fast they allocate. Made by MemoryCgroupHost, removed once its processes are gone.
 */
export class MemoryCgroup {
  #removed = false;

  constructor(
    readonly path: string,
    readonly version: CgroupVersion,
    private readonly onRemoved: (cgroup: MemoryCgroup) => void,
  ) {}

  /** Writing a pid here moves that process (and its future children) into the cgroup. */
  get procsFile(): string {
    return join(this.path, 'cgroup.procs');
  }

  /** Bytes charged now (v1 counts page cache too, which the kernel reclaims before it kills). */
  usage(): number {
    return this.#number(FILES[this.version].usage) ?? 0;
  }

  /**
   * File pages charged here: a page is charged to the first cgroup that brings it into memory, so
   * these are the files a sandbox read or mapped that no one else had in the page cache (the
   * Pyodide snapshot once the machine's reclaim had dropped it, Deno's own code on a cold
   * machine). The kernel takes any of them back when room is short, so none is the runtime's
   * share: counted as its share, their room would be the code's on top of the cap.
   */
  fileCache(): number {
    const stat = this.#stat();
    return (stat.get('inactive_file') ?? 0) + (stat.get('active_file') ?? 0);
  }

  /** What it holds, its limit and how many evicted file pages it has read back. */
  pressure(): MemoryPressure {
    const stat = this.#stat();
    return {
      usage: this.usage(),
      limit: this.#number(FILES[this.version].limit) ?? Number.MAX_SAFE_INTEGER,
      // Kernels before 5.9 count all refaults as one.
      fileRefaults: stat.get('workingset_refault_file') ?? stat.get('workingset_refault') ?? 0,
    };
  }

  /** Starts the peak over from what is charged now (v1; v2's peak cannot be reset for every reader). */
  resetPeak(): void {
    if (this.version === 1) this.#tryWrite(FILES[1].peak, '0');
  }

  /** The most ever charged, when the kernel keeps it (v1 always, v2 from Linux 5.19). */
  peak(): number | undefined {
    return this.#number(FILES[this.version].peak);
  }

  /** How many processes the OOM killer has killed here. */
  oomKills(): number {
    const match = /^oom_kill (\d+)$/m.exec(this.#read(FILES[this.version].events) ?? '');
    return match ? Number(match[1]) : 0;
  }

  /**
   * Sets the limit and keeps swap out of it (v1: memory+swap equal to memory, so nothing can be
   * swapped out to dodge it; v2: no swap). The kernel refuses a v1 limit below what it cannot
   * reclaim; that throws, and the caller treats it as the cap being hit.
   */
  setLimit(bytes: number): void {
    const { limit, swap } = FILES[this.version];
    const value = String(Math.floor(bytes));
    if (this.version === 2) {
      writeFileSync(join(this.path, limit), value);
      this.#tryWrite(swap, '0');
      return;
    }
    // v1 insists on memory <= memory+swap at every step: lower memory first, raise memsw first.
    const current = this.#number(limit) ?? Number.MAX_SAFE_INTEGER;
    const hasSwap = this.#read(swap) !== undefined;
    if (bytes < current) {
      writeFileSync(join(this.path, limit), value);
      if (hasSwap) writeFileSync(join(this.path, swap), value);
    } else {
      if (hasSwap) writeFileSync(join(this.path, swap), value);
      writeFileSync(join(this.path, limit), value);
    }
  }

  /** Pids in the cgroup now. */
  pids(): number[] {
    return (this.#read('cgroup.procs') ?? '').split('\n').filter(Boolean).map(Number);
  }

  /**
   * Removes the cgroup once its processes have left, killing any still there, within a deadline.
   * Resolves false when it could not (the host's exit handler and the next start's reaper retry).
   */
  async remove(deadlineMs = 2000): Promise<boolean> {
    const until = performance.now() + deadlineMs;
    for (;;) {
      if (this.removeNow()) return true;
      if (performance.now() > until) return false;
      await new Promise((resolve) => setTimeout(resolve, REMOVE_POLL_MS));
    }
  }

  /** One attempt: SIGKILL what is left, then rmdir. True when the cgroup is gone. */
  removeNow(): boolean {
    if (this.#removed) return true;
    for (const pid of this.pids()) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    try {
      rmdirSync(this.path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return false;
    }
    this.#removed = true;
    this.onRemoved(this);
    return true;
  }

  #read(file: string): string | undefined {
    try {
      return readFileSync(join(this.path, file), 'utf8');
    } catch {
      return undefined;
    }
  }

  #stat(): Map<string, number> {
    const stat = new Map<string, number>();
    for (const [, key = '', value] of (this.#read('memory.stat') ?? '').matchAll(/^(\w+) (\d+)$/gm))
      stat.set(key, Number(value));
    return stat;
  }

  #number(file: string): number | undefined {
    const text = this.#read(file)?.trim();
    return text === undefined || !/^\d+$/.test(text) ? undefined : Number(text);
  }

  #tryWrite(file: string, value: string): void {
    try {
      writeFileSync(join(this.path, file), value);
    } catch {
      // Not every kernel has the file (no swap accounting): then there is no swap to limit.
    }
  }
}

import { readFileSync } from 'node:fs';

/** Where the engine's cgroup drivers put a container's memory cgroup (v1 and v2 layouts). */
const CANDIDATES = (id: string) => [
  `/sys/fs/cgroup/memory/docker/${id}/memory.oom_control`,
  `/sys/fs/cgroup/system.slice/docker-${id}.scope/memory.events`,
  `/sys/fs/cgroup/docker/${id}/memory.events`,
];

/**
 * How many processes the kernel's OOM killer has killed in a container so far, read from its
 * memory cgroup (`oom_kill N`). An exec'd process killed for memory leaves the container
 * running, so the engine's State.OOMKilled stays false; this counter does not. Undefined when
 * the cgroup is not visible from here (the executor runs on another host than the engine).
 */
export function oomKillCount(containerId: string): number | undefined {
  for (const path of CANDIDATES(containerId)) {
    try {
      const match = /^oom_kill (\d+)$/m.exec(readFileSync(path, 'utf8'));
      if (match) return Number(match[1]);
    } catch {
      // Not this layout.
    }
  }
  return undefined;
}

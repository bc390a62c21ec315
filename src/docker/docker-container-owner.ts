import { hostname } from 'node:os';
import { processStartTicks } from '../transports/process-start-ticks.js';

/** Labels every container and image Gauntlet creates carries, so leftovers can be found. */
export const DockerLabel = {
  /** The run that created it; every Gauntlet resource has this label. */
  run: 'dev.gauntlet.run',
  /** The harness process that owns it. */
  ownerPid: 'dev.gauntlet.owner-pid',
  /** The host the owner runs on: a pid means nothing on another machine sharing the engine. */
  ownerHost: 'dev.gauntlet.owner-host',
  /** The owner's start time in clock ticks since boot, so a recycled pid is not mistaken for it. */
  ownerStart: 'dev.gauntlet.owner-start',
} as const;

/** The harness process that owns a container. */
export interface ContainerOwner {
  pid: number;
  host: string;
  /** Start time from /proc/PID/stat; absent where /proc is not available. */
  startTicks?: string;
}

/** The owner identity of this process. */
export function currentOwner(): ContainerOwner {
  const startTicks = processStartTicks(process.pid);
  return { pid: process.pid, host: hostname(), ...(startTicks ? { startTicks } : {}) };
}

/** The labels that mark a resource as created by `runId` and owned by `owner`. */
export function ownerLabels(runId: string, owner: ContainerOwner = currentOwner()): Record<string, string> {
  return {
    [DockerLabel.run]: runId,
    [DockerLabel.ownerPid]: String(owner.pid),
    [DockerLabel.ownerHost]: owner.host,
    ...(owner.startTicks ? { [DockerLabel.ownerStart]: owner.startTicks } : {}),
  };
}

/** Reads the owner back from a resource's labels; undefined when they are incomplete. */
export function ownerFromLabels(labels: Record<string, string> | undefined): ContainerOwner | undefined {
  const pid = Number(labels?.[DockerLabel.ownerPid]);
  const host = labels?.[DockerLabel.ownerHost];
  if (!Number.isInteger(pid) || pid <= 0 || !host) return undefined;
  const startTicks = labels?.[DockerLabel.ownerStart];
  return { pid, host, ...(startTicks ? { startTicks } : {}) };
}

/**
 * Whether the owner still runs. An owner on another host is assumed alive: this process cannot
 * see it, and removing a live run's containers would break that run.
 */
export function isOwnerAlive(owner: ContainerOwner): boolean {
  if (owner.host !== hostname()) return true;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    // EPERM: the pid exists but belongs to someone else, so it is alive (if perhaps reused).
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const startTicks = processStartTicks(owner.pid);
  return !owner.startTicks || !startTicks || startTicks === owner.startTicks;
}

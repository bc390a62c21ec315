import { spawnSync } from 'node:child_process';

type Release = () => Promise<void>;

/** Containers of this process that are not yet removed, with how to remove each. */
const live = new Map<string, Release>();
const SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
let installed = false;

/**
 * Registers a container so it is removed even when the harness is interrupted: on SIGINT,
 * SIGTERM or SIGHUP every tracked container is released, then the signal takes its default
 * course unless someone else (the CLI) also listens for it. On any exit with containers still
 * tracked (process.exit from a handler, an uncaught exception) they are removed synchronously
 * with the docker CLI. What even that misses (SIGKILL, a power cut) the reaper removes at the
 * next start: see reapLeftoverContainers.
 */
export function trackContainer(id: string, release: Release): void {
  live.set(id, release);
  install();
}

/** Forgets a container once it is removed; the last one removes the signal handlers. */
export function untrackContainer(id: string): void {
  live.delete(id);
  if (live.size === 0) uninstall();
}

/** Ids of the containers tracked now. */
export function trackedContainerIds(): string[] {
  return [...live.keys()];
}

/** Releases every tracked container, waiting at most `deadlineMs` for all of them. */
export async function releaseTrackedContainers(deadlineMs = 10_000): Promise<void> {
  const releases = [...live.values()].map((release) => release().catch(() => undefined));
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([Promise.all(releases), new Promise((resolve) => (timer = setTimeout(resolve, deadlineMs)))]);
  clearTimeout(timer);
}

async function onSignal(signal: NodeJS.Signals): Promise<void> {
  await releaseTrackedContainers();
  uninstall();
  // Re-raise only when nobody else handles the signal, so Ctrl-C still stops a plain process.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

function onExit(): void {
  if (live.size === 0) return;
  // Nothing asynchronous runs any more; a synchronous docker CLI call is the last resort.
  spawnSync('docker', ['rm', '--force', '--volumes', ...live.keys()], { stdio: 'ignore', timeout: 10_000 });
}

function install(): void {
  if (installed) return;
  installed = true;
  for (const signal of SIGNALS) process.on(signal, onSignal);
  process.on('exit', onExit);
}

function uninstall(): void {
  if (!installed) return;
  installed = false;
  for (const signal of SIGNALS) process.off(signal, onSignal);
  process.off('exit', onExit);
}

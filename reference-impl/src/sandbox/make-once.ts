import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { HarnessError, HarnessErrorCode } from '../../../src/errors/harness-error.js';

/** What {@link makeOnce} makes, and how it knows the result is there. */
export interface MakeOnceOptions {
  /** The lock file: whoever creates it makes the result; it holds the maker's pid. */
  lock: string;
  /** True once the result exists (the maker renames it into place whole). */
  ready: () => boolean;
  /** Makes the result; runs in at most one process at a time. */
  make: () => Promise<void>;
  /** How long to wait, in all, for another process's result or to make it. */
  deadlineMs: number;
  /** How often a waiter looks again. */
  pollMs?: number;
}

/**
 * Makes a cached file once across processes. Executors started together on a cold cache used to
 * each make their own Pyodide snapshot, several seconds of CPU apiece; on 2 cores that starved the
 * executions already running. Now one process makes it and the others wait for it. A lock whose
 * maker has died, or that is older than the deadline, is taken over, so a crash blocks nobody.
 */
export async function makeOnce(options: MakeOnceOptions): Promise<void> {
  const deadline = Date.now() + options.deadlineMs;
  for (;;) {
    if (options.ready()) return;
    // 1. Try to become the maker.
    const held = tryLock(options.lock);
    if (held) {
      try {
        if (!options.ready()) await options.make();
      } finally {
        rmSync(options.lock, { force: true });
      }
      return;
    }
    // 2. Someone else makes it: take over a dead maker's lock, else wait and look again.
    if (isStale(options.lock, options.deadlineMs)) {
      rmSync(options.lock, { force: true });
      continue;
    }
    if (Date.now() >= deadline)
      throw new HarnessError(
        HarnessErrorCode.DeadlineExceeded,
        `another process held the lock for more than ${options.deadlineMs} ms and made nothing`,
        options.lock,
      );
    await sleep(options.pollMs ?? 100);
  }
}

function tryLock(lock: string): boolean {
  let fd: number;
  try {
    fd = openSync(lock, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, String(process.pid));
  } finally {
    closeSync(fd);
  }
  return true;
}

/** A lock is stale when its maker is gone or it has outlived the deadline (a pid reused). */
function isStale(lock: string, deadlineMs: number): boolean {
  let pid: number;
  let ageMs: number;
  try {
    pid = Number(readFileSync(lock, 'utf8'));
    ageMs = Date.now() - statSync(lock).mtimeMs;
  } catch {
    return false; // released between our attempt and this look: the next round sees why
  }
  // An empty pid is a maker between creating the file and writing into it, unless it is old.
  if (!Number.isInteger(pid) || pid <= 0) return ageMs > 1000;
  return ageMs > deadlineMs || !isAlive(pid);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

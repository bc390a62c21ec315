import { existsSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeOnce } from './make-once.js';

describe('makeOnce', () => {
  let dir: string;
  let result: string;
  let lock: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'make-once-'));
    result = join(dir, 'result');
    lock = join(dir, 'result.lock');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const options = (make: () => Promise<void>, deadlineMs = 10_000) => ({
    lock,
    ready: () => existsSync(result),
    make,
    deadlineMs,
    pollMs: 10,
  });

  it('makes the result once when several callers ask at the same time, and all of them see it', async () => {
    let makes = 0;
    const make = async () => {
      makes++;
      await sleep(200);
      writeFileSync(result, 'made');
    };
    await Promise.all([1, 2, 3, 4].map(() => makeOnce(options(make))));
    expect(makes).toBe(1);
    expect(existsSync(result)).toBe(true);
    expect(existsSync(lock)).toBe(false);
  });

  it('takes over the lock of a maker that died', async () => {
    // A pid far above pid_max names no process.
    writeFileSync(lock, '99999999');
    let makes = 0;
    await makeOnce(options(async () => (makes++, writeFileSync(result, 'made'))));
    expect(makes).toBe(1);
  });

  it('releases the lock when making fails, so the next caller tries again', async () => {
    await expect(makeOnce(options(() => Promise.reject(new Error('disk full'))))).rejects.toThrow('disk full');
    expect(existsSync(lock)).toBe(false);
    await makeOnce(options(async () => writeFileSync(result, 'made')));
    expect(existsSync(result)).toBe(true);
  });

  it('takes over a lock older than its deadline even when its pid lives (a reused pid)', async () => {
    writeFileSync(lock, String(process.pid));
    utimesSync(lock, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    let makes = 0;
    await makeOnce(options(async () => (makes++, writeFileSync(result, 'made')), 30_000));
    expect(makes).toBe(1);
  });

  it('stops waiting at its deadline while a live maker holds the lock, saying which lock', async () => {
    // A lock stamped in the future (a clock stepped back) never ages into staleness.
    writeFileSync(lock, String(process.pid));
    utimesSync(lock, new Date(Date.now() + 60_000), new Date(Date.now() + 60_000));
    const started = Date.now();
    await expect(makeOnce(options(async () => undefined, 300))).rejects.toThrow(
      `${lock}: another process held the lock for more than 300 ms`,
    );
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

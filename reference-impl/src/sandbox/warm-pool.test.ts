import { describe, expect, it } from 'vitest';
import type { SandboxHandle } from './sandbox-handle.js';
import { profileKey, type SandboxProfile } from './sandbox-profile.js';
import { WarmPool } from './warm-pool.js';

/** A pool-only stand-in: the pool's bookkeeping is under test here, not the Deno sandbox. */
function countingFactory() {
  const started: string[] = [];
  const killed: string[] = [];
  const factory = async (profile: SandboxProfile): Promise<SandboxHandle> => {
    const id = `${profileKey(profile)}#${started.length + 1}`;
    started.push(profileKey(profile));
    return {
      id,
      profile,
      workDir: undefined,
      onStdout: () => undefined,
      onStderr: () => undefined,
      onMessage: () => undefined,
      onExit: () => undefined,
      baselineRss: 0,
      exit: undefined,
      stderrTail: '',
      send: () => undefined,
      memory: () => undefined,
      kill: async () => void killed.push(id),
    };
  };
  return { factory, started, killed };
}

const profile = (heapMiB: number): SandboxProfile => ({ family: 'js', heapMiB, network: [], directory: true });
const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('WarmPool', () => {
  it('warms a default profile from its first request on and never hands out a sandbox twice', async () => {
    const { factory, started } = countingFactory();
    const pool = new WarmPool(factory, {
      warm: [
        { profile: profile(256), size: 2 },
        { profile: { ...profile(256), family: 'python' }, size: 1 },
      ],
      adaptiveProfiles: 4,
      onError: () => undefined,
    });
    await settle();
    expect(started).toEqual([]); // no idle boot for a language nobody has asked for
    const first = await pool.acquire(profile(256));
    await settle();
    expect(started).toEqual(['js|256||dir', 'js|256||dir', 'js|256||dir']); // the cold start and 2 spares
    expect(first.id).toBe('js|256||dir#1'); // the cold start
    const second = await pool.acquire(profile(256));
    expect(second.id).toBe('js|256||dir#2'); // the first spare, served warm
    expect(first.id).not.toBe(second.id);
    await settle();
    expect(started).toHaveLength(4); // refilled; Python still never started
    await pool.close();
  });

  it('warms a profile asked for at start (--warm) before any request', async () => {
    const { factory, started } = countingFactory();
    const pool = new WarmPool(factory, {
      warm: [{ profile: profile(256), size: 2, atStart: true }],
      adaptiveProfiles: 4,
      onError: () => undefined,
    });
    await settle();
    expect(started).toEqual(['js|256||dir', 'js|256||dir']);
    expect((await pool.acquire(profile(256))).id).toBe('js|256||dir#1');
    await pool.close();
  });

  it('starts a one-off profile cold without warming a spare, and warms it from its second request', async () => {
    const { factory, started, killed } = countingFactory();
    const pool = new WarmPool(factory, { warm: [], adaptiveProfiles: 4, onError: () => undefined });
    await pool.acquire(profile(64));
    await settle();
    expect(started).toEqual(['js|64||dir']); // the cold start only, no idle spare
    await pool.acquire(profile(64));
    await settle();
    // The second cold start (#2), then a spare (#3).
    expect(started).toEqual(['js|64||dir', 'js|64||dir', 'js|64||dir']);
    const third = await pool.acquire(profile(64));
    expect(third.id).toBe('js|64||dir#3'); // served warm
    await pool.close();
    expect(killed).toContain('js|64||dir#4');
  });

  it('boots the spare after a cold start, not beside it, so a burst of misses boots once per request', async () => {
    const started: string[] = [];
    const pending: (() => void)[] = [];
    const { factory: instant } = countingFactory();
    // Each start resolves only when the test says so: what is booting at once is then visible.
    const factory = (p: SandboxProfile) => {
      started.push(profileKey(p));
      return new Promise<SandboxHandle>((resolve) => pending.push(() => void instant(p).then(resolve)));
    };
    const pool = new WarmPool(factory, {
      warm: [{ profile: profile(256), size: 1 }],
      adaptiveProfiles: 4,
      onError: () => undefined,
    });
    const first = pool.acquire(profile(256));
    await settle();
    expect(started).toHaveLength(1); // the cold start alone
    pending.shift()!();
    await first;
    await settle();
    expect(started).toHaveLength(2); // now the spare
    pending.shift()!();
    await settle();
    await pool.close();
  });
});

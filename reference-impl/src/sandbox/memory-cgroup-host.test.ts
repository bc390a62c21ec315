import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultSet } from '../faults/fault-registry.js';
import { makePrivateDirs, type PrivateDirs } from '../server/private-dirs.js';
import { MemoryCgroupHost } from './memory-cgroup-host.js';
import { resolveRuntimePaths } from './runtime-paths.js';
import { Sandbox, type SandboxExit } from './sandbox.js';

const MiB = 1024 * 1024;
const support = MemoryCgroupHost.open(undefined);
const host = support.kind === 'hard' ? support.host : undefined;

/**
 * A sandbox's memory cap without the executor's resident-memory watch: only the kernel stands
 * between code and the host's memory, so this fails the moment the cgroup is not in place.
 */
describe.skipIf(!host)('a Deno sandbox in its memory cgroup', () => {
  let dirs: PrivateDirs;
  let counter = 0;
  const start = (cgroups: MemoryCgroupHost | undefined) =>
    Sandbox.start({
      id: `cg-test-${++counter}`,
      profile: { family: 'js', heapMiB: 64, network: [], directory: false },
      paths: resolveRuntimePaths(),
      controlDir: dirs.control,
      workRoot: dirs.work,
      snapshot: undefined,
      denoDir: dirs.deno,
      auditLog: join(dirs.root, 'audit.jsonl'),
      faults: new FaultSet(),
      readyDeadlineMs: 20_000,
      ...(cgroups ? { cgroups } : {}),
    });
  /** Runs code that allocates `bytes` in one go, unwatched: how the run ended. */
  const allocate = (sandbox: Sandbox, bytes: number) =>
    new Promise<{ done: boolean } | { exit: SandboxExit }>((resolve) => {
      const timer = setTimeout(() => resolve({ done: false }), 20_000);
      sandbox.onMessage = (message) =>
        message.t === 'done' && (clearTimeout(timer), resolve({ done: message['ok'] === true }));
      sandbox.onExit = (exit) => (clearTimeout(timer), resolve({ exit }));
      sandbox.send({
        t: 'run',
        seq: 1,
        language: 'javascript',
        code: `const b = new Uint8Array(${bytes}); b.fill(7); return b.length;`,
        env: {},
        allowSubprocesses: false,
        fence: 'f'.repeat(32),
      });
    });

  beforeAll(() => {
    dirs = makePrivateDirs();
  });
  afterAll(async () => {
    await host!.close();
    dirs.remove();
  });

  it(
    'runs in its own cgroup, limited to its runtime share plus the cap, removed with the sandbox',
    { timeout: 60_000 },
    async () => {
      const sandbox = await start(host);
      try {
        const membership = readFileSync(`/proc/${sandbox.pid}/cgroup`, 'utf8');
        const path = join(host!.parent, `gauntlet-sandbox-${process.pid}-${sandbox.id}`);
        expect(membership).toContain(path.slice(path.indexOf(`gauntlet-sandbox-`)));
        const file = host!.version === 1 ? 'memory.limit_in_bytes' : 'memory.max';
        const limit = Number(readFileSync(join(path, file), 'utf8'));
        expect(limit).toBeGreaterThan(64 * MiB);
        expect(limit).toBeLessThan(64 * MiB + 256 * MiB);
        expect(sandbox.limitMemory(32 * MiB)).toBeUndefined();
        expect(Number(readFileSync(join(path, file), 'utf8'))).toBe(limit - 32 * MiB);
        await sandbox.kill();
        expect(existsSync(path)).toBe(false);
        expect(host!.liveCount).toBe(0);
      } finally {
        await sandbox.kill();
      }
    },
  );

  it(
    'is killed by the kernel, and says so, when code allocates past the cap faster than anyone can watch',
    { timeout: 60_000 },
    async () => {
      const sandbox = await start(host);
      try {
        const ended = await allocate(sandbox, 256 * MiB);
        expect(ended).toMatchObject({ exit: { signal: 'SIGKILL', oomKilled: true } });
        expect('exit' in ended && ended.exit.memoryPeakBytes).toBeGreaterThanOrEqual(60 * MiB);
      } finally {
        await sandbox.kill();
      }
    },
  );

  it(
    'without a cgroup, the same code runs to its end (what the executor then calls soft)',
    { timeout: 60_000 },
    async () => {
      const sandbox = await start(undefined);
      try {
        expect(await allocate(sandbox, 256 * MiB)).toEqual({ done: true });
      } finally {
        await sandbox.kill();
      }
    },
  );
});

describe('opening the memory cgroup host', () => {
  it('gives a reason instead of a host where there is no memory cgroup', () => {
    expect(MemoryCgroupHost.open('/nonexistent/cgroup')).toEqual({
      kind: 'soft',
      reason: 'the cgroup folder /nonexistent/cgroup does not exist',
    });
    expect(MemoryCgroupHost.open('/tmp')).toEqual({ kind: 'soft', reason: '/tmp is not a memory cgroup' });
  });
});

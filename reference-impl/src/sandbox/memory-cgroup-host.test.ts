import { execFileSync } from 'node:child_process';
import { chmodSync, closeSync, copyFileSync, existsSync, fsyncSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCliArgs } from '../config/parse-cli-args.js';
import { FaultSet } from '../faults/fault-registry.js';
import { makePrivateDirs, type PrivateDirs } from '../server/private-dirs.js';
import { MemoryCgroup } from './memory-cgroup.js';
import { MemoryCgroupHost } from './memory-cgroup-host.js';
import { ensurePyodideSnapshot } from './pyodide-snapshot.js';
import { resolveRuntimePaths } from './runtime-paths.js';
import { Sandbox, type SandboxExit } from './sandbox.js';

const MiB = 1024 * 1024;
const support = MemoryCgroupHost.open(undefined);
const host = support.kind === 'hard' ? support.host : undefined;

/**
 * Drops files from the page cache (GNU dd asks the kernel to with `iflag=nocache`), as an idle
 * machine's reclaim does with files no one has read for a while. Pages a process maps stay.
 */
function evictFromPageCache(files: string[]): void {
  for (const file of files) {
    // Written pages must reach the disk first: only clean pages can be dropped.
    const fd = openSync(file, 'r');
    fsyncSync(fd);
    closeSync(fd);
    execFileSync('dd', [`if=${file}`, 'iflag=nocache', 'count=0', 'status=none']);
  }
}

/**
 * A sandbox's memory cap without the executor's resident-memory watch: only the kernel stands
 * between code and the host's memory, so this fails the moment the cgroup is not in place.
 */
describe.skipIf(!host)('a Deno sandbox in its memory cgroup', () => {
  let dirs: PrivateDirs;
  let counter = 0;
  const paths = resolveRuntimePaths();
  const start = (cgroups: MemoryCgroupHost | undefined, python?: { snapshot: string; deno: string; heapMiB: number }) =>
    Sandbox.start({
      id: `cg-test-${++counter}`,
      profile: { family: python ? 'python' : 'js', heapMiB: python?.heapMiB ?? 64, network: [], directory: false },
      paths: python ? { ...paths, deno: python.deno } : paths,
      controlDir: dirs.control,
      workRoot: dirs.work,
      snapshot: python?.snapshot,
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
    'caps code at the cap when start-up charged file pages to the cgroup, which the kernel can take back',
    { timeout: 120_000 },
    async () => {
      // 1. A page is charged to the cgroup that first brings it into memory. A copy of Deno that
      //    no process maps yet, out of the page cache, is charged to the sandbox that runs it, as
      //    Deno's code is to the first sandbox on a cold machine. (CI's case was the Pyodide snapshot,
      //    read at start-up after the machine's reclaim had dropped it; the mechanism is the same, but
      //    that reclaim drops unmapped pages within seconds, so only mapped ones make a steady test.)
      // The executor's own cache, so the snapshot is made once between them.
      const { cacheDir } = parseCliArgs(['--stdio'], process.env);
      const snapshot = await ensurePyodideSnapshot(paths, cacheDir, {
        DENO_DIR: dirs.deno,
        NO_COLOR: '1',
        DENO_NO_UPDATE_CHECK: '1',
      });
      const deno = join(dirs.root, 'deno-copy');
      copyFileSync(paths.deno, deno);
      chmodSync(deno, 0o755);
      evictFromPageCache([deno]);
      // A limit at start far above what it holds, so that nothing is reclaimed before the check.
      const sandbox = await start(host, { snapshot, deno, heapMiB: 1024 });
      try {
        const path = join(host!.parent, `gauntlet-sandbox-${process.pid}-${sandbox.id}`);
        expect(new MemoryCgroup(path, host!.version, () => undefined).fileCache()).toBeGreaterThan(16 * MiB);
        // 2. Code that grows 4 MiB at a time, unwatched, until the kernel stops it.
        expect(sandbox.limitMemory(64 * MiB)).toBeUndefined();
        let stdout = '';
        sandbox.onStdout = (chunk) => (stdout += chunk.toString('utf8'));
        const ended = new Promise<SandboxExit>((resolve) => (sandbox.onExit = resolve));
        sandbox.send({
          t: 'run',
          seq: 1,
          language: 'python',
          code: [
            'held = []',
            'while len(held) < 64:',
            `    held.append(bytearray(b"\\x07") * ${4 * MiB})`,
            '    print("held", 4 * len(held), flush=True)',
          ].join('\n'),
          env: {},
          allowSubprocesses: false,
          fence: 'f'.repeat(32),
        });
        const exit = await Promise.race([ended, new Promise((resolve) => setTimeout(resolve, 60_000, 'no exit'))]);
        // 3. The kernel ended it within the cap plus the tolerance memory-cap.test.ts states.
        const held = Math.max(0, ...[...stdout.matchAll(/held (\d+)/g)].map((match) => Number(match[1])));
        // The OOM killer, or (when the kernel keeps evicting and re-reading Deno's code instead)
        // the sandbox's stall watch.
        expect(exit).toMatchObject({ signal: 'SIGKILL' });
        expect(exit, JSON.stringify(exit)).toSatisfy(
          (ended: SandboxExit) => ended.oomKilled === true || ended.memoryStalled === true,
        );
        expect(held, stdout.slice(-200)).toBeGreaterThanOrEqual(32);
        expect(held, stdout.slice(-200)).toBeLessThanOrEqual(64 + 4);
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

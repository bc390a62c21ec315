import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { containProcess } from './contain-process.js';

const ROOT = join(import.meta.dirname, '../..');
const LEAVING = join(ROOT, 'dist/src/testing/fixtures/leaving-executor-main.js');
const TRANSPORT = join(ROOT, 'dist/src/transports/stdio-client-transport.js');

function processesWith(marker: string): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        return readFileSync(`/proc/${name}/cmdline`, 'utf8').includes(marker);
      } catch {
        return false;
      }
    })
    .map(Number);
}

/**
 * A bare harness process (no CLI, no signal handler of its own) that starts the leaving executor
 * and then, with `exit`, calls process.exit once the leftovers exist and the test says so (a line on
 * its stdin), or, with `wait`, waits to be signalled.
 */
function bareHarness(marker: string, pidFile: string, mode: 'exit' | 'wait') {
  const script = `
    import { readFileSync } from 'node:fs';
    const { StdioClientTransport } = await import(${JSON.stringify(TRANSPORT)});
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [${JSON.stringify(LEAVING)}, ${JSON.stringify(marker)}, ${JSON.stringify(pidFile)}],
      env: { PATH: process.env.PATH },
    });
    await transport.start();
    const lines = () => {
      try {
        return readFileSync(${JSON.stringify(pidFile)}, 'utf8').split('\\n').filter(Boolean).length;
      } catch {
        return 0;
      }
    };
    while (lines() < 3) await new Promise((resolve) => setTimeout(resolve, 50));
    process.stdout.write('ready\\n');
    // exit: only once the test has seen the leftovers (it writes a line), so the check cannot race the kill.
    if (${JSON.stringify(mode)} === 'exit') process.stdin.once('data', () => process.exit(0));
    setInterval(() => undefined, 1000);
  `;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['pipe', 'pipe', 'inherit'] });
  const ready = new Promise<void>((resolve) => child.stdout.on('data', () => resolve()));
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  return { child, ready, exited };
}

// Cgroups need root (or a delegated subtree); elsewhere the process-group fallback applies, as documented.
describe.runIf(process.platform === 'linux' && process.getuid?.() === 0)('process containment', () => {
  let dir: string;
  const markers: string[] = [];
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gauntlet-containment-'));
  });
  afterAll(async () => {
    for (const m of markers) for (const pid of processesWith(m)) process.kill(pid, 'SIGKILL');
    await rm(dir, { recursive: true, force: true });
  });

  it(
    'uses a cgroup on this host (root, writable cgroup hierarchy), and the process group when ' + 'told not to',
    async () => {
      const containment = containProcess();
      expect(containment.kind).toBe('cgroup');
      await containment.release();
      process.env['GAUNTLET_CONTAINMENT'] = 'process-group';
      try {
        const fallback = containProcess();
        expect(fallback.kind).toBe('process-group');
        await fallback.release();
      } finally {
        delete process.env['GAUNTLET_CONTAINMENT'];
      }
    },
  );

  for (const mode of ['exit', 'wait'] as const) {
    it(
      mode === 'exit'
        ? 'kills every leftover when the harness calls process.exit'
        : 'kills every leftover on SIGTERM when nobody else handles it, then lets the signal end the process',
      async () => {
        const marker = `gauntlet-bare-${mode}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
        markers.push(marker);
        const pidFile = join(dir, `${mode}.pids`);
        const harness = bareHarness(marker, pidFile, mode);
        await harness.ready;
        expect(processesWith(marker).length).toBeGreaterThanOrEqual(3);
        if (mode === 'wait') harness.child.kill('SIGTERM');
        else harness.child.stdin!.write('go\n');
        await harness.exited;
        if (mode === 'wait') expect(harness.child.signalCode).toBe('SIGTERM');
        expect((await readFile(pidFile, 'utf8')).split('\n').filter(Boolean)).toHaveLength(3);
        // SIGKILL is sent before the harness exits; the kernel ends the processes a moment later (on a
        // loaded machine, more than 100 ms later). Left alive, these daemons would never end by themselves.
        await expect.poll(() => processesWith(marker), { timeout: 5000, interval: 50 }).toEqual([]);
      },
    );
  }
});

/**
 * Where one sandbox's life goes, phase by phase, measured on a real Sandbox with the executor's own
 * parts (a memory cgroup when the host has one, the control socket, the Pyodide snapshot):
 *   cgroup     make, limit and remove an empty memory cgroup (what each sandbox costs the executor);
 *   socket     listen on and close a control socket;
 *   ready      spawn Deno until the bootstrap says ready (Deno start, for Python the snapshot boot
 *              and the warm-up run), with the sandbox's CPU time at that point;
 *   run        send a run until `done`, with the CPU time it cost the sandbox;
 *   exit       SIGKILL until the process has exited and its pipes closed;
 *   release    the rest of kill(): cgroup and folder removal.
 * CPU times come from /proc/<pid>/stat (10 ms ticks), summed over all the sandbox's threads.
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ControlSocket } from '../../dist/reference-impl/src/sandbox/control-socket.js';
import { MemoryCgroupHost } from '../../dist/reference-impl/src/sandbox/memory-cgroup-host.js';
import { ensurePyodideSnapshot } from '../../dist/reference-impl/src/sandbox/pyodide-snapshot.js';
import { resolveRuntimePaths } from '../../dist/reference-impl/src/sandbox/runtime-paths.js';
import { Sandbox } from '../../dist/reference-impl/src/sandbox/sandbox.js';
import { FaultSet } from '../../dist/reference-impl/src/faults/fault-registry.js';
import { makePrivateDirs } from '../../dist/reference-impl/src/server/private-dirs.js';

const PAYLOADS = { js: "console.log('bench'); return 6 * 7;", python: 'print("bench")\n6 * 7' };

/** User plus system CPU of a live process, in ms. */
function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/** Times `samples` sandboxes of one family end to end; returns the median of each phase. */
async function measureFamily(family, samples, context) {
  const rows = [];
  for (let i = 0; i < samples; i++) {
    const row = {};
    let t = performance.now();
    const lap = (name) => {
      const now = performance.now();
      row[name] = now - t;
      t = now;
    };
    if (context.cgroups) {
      const cgroup = context.cgroups.create(`bench-${family}-${i}`);
      cgroup.setLimit(64 * 1024 * 1024);
      cgroup.removeNow();
    }
    lap('cgroup');
    const socketPath = join(context.dirs.control, `bench-${family}-${i}.sock`);
    (await ControlSocket.listen(socketPath)).close();
    lap('socket');
    const sandbox = await Sandbox.start({
      id: `bench-${family}-${i}`,
      profile: { family, heapMiB: 256, network: [], directory: true },
      paths: context.paths,
      controlDir: context.dirs.control,
      workRoot: context.dirs.work,
      snapshot: family === 'python' ? context.snapshot : undefined,
      denoDir: context.dirs.deno,
      auditLog: join(context.dirs.root, 'audit.jsonl'),
      faults: new FaultSet([]),
      readyDeadlineMs: 60_000,
      ...(context.cgroups ? { cgroups: context.cgroups } : {}),
    });
    lap('ready');
    const cpuReady = cpuMs(sandbox.pid);
    const done = new Promise((resolve) => (sandbox.onMessage = (message) => message.t === 'done' && resolve(message)));
    sandbox.send({
      t: 'run',
      seq: 1,
      language: family === 'python' ? 'python' : 'javascript',
      code: PAYLOADS[family],
      env: {},
      allowSubprocesses: false,
      fence: 'f',
    });
    const answer = await done;
    if (answer.ok !== true || answer.json !== '42')
      throw new Error(`the ${family} bench run failed: ${JSON.stringify(answer).slice(0, 300)}`);
    lap('run');
    const cpuRun = cpuMs(sandbox.pid) - cpuReady;
    let exited = 0;
    sandbox.onExit = () => (exited = performance.now());
    const killed = performance.now();
    await sandbox.kill();
    row.exit = exited - killed;
    row.release = performance.now() - exited;
    rows.push({ ...row, cpuReady, cpuRun });
  }
  const phases = ['cgroup', 'socket', 'ready', 'run', 'exit', 'release', 'cpuReady', 'cpuRun'];
  return Object.fromEntries(phases.map((phase) => [phase, median(rows.map((row) => row[phase]))]));
}

/** Prints the median phases of `samples` JavaScript and Python sandboxes. */
export async function printStartupBreakdown(samples) {
  const paths = resolveRuntimePaths();
  const dirs = makePrivateDirs();
  const memory = MemoryCgroupHost.open(undefined);
  const cgroups = memory.kind === 'hard' ? memory.host : undefined;
  try {
    const snapshot = await ensurePyodideSnapshot(
      paths,
      join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'gauntlet'),
      { DENO_DIR: dirs.deno, NO_COLOR: '1' },
    );
    const context = { paths, dirs, cgroups, snapshot };
    console.log(
      `\nsandbox life, median of ${samples} (ms; cpu = the sandbox's own CPU time)` +
        (cgroups ? '' : ' — no memory cgroup on this host'),
    );
    console.log('  family      cgroup  socket   ready  cpu@ready     run  cpu(run)    exit  release');
    for (const family of ['js', 'python']) {
      const m = await measureFamily(family, samples, context);
      const f = (v, w = 7) => v.toFixed(1).padStart(w);
      console.log(
        `  ${family.padEnd(10)} ${f(m.cgroup)} ${f(m.socket)} ${f(m.ready)} ${f(m.cpuReady, 10)}` +
          ` ${f(m.run)} ${f(m.cpuRun, 9)} ${f(m.exit)} ${f(m.release, 8)}`,
      );
    }
  } finally {
    await cgroups?.close();
    dirs.remove();
  }
}

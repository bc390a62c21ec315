#!/usr/bin/env node
// Benchmark: the whole scenario corpus against the reference executor, through the real CLI.
// Prints the suite's wall time, the harness's own overhead per case (an attempt's duration minus
// the time it spent waiting on the executor: requests, executor starts, health probes and the
// settle for its late output), the summed executor time, the concurrency the scheduler reached
// and the machine's load average beside them (a loaded machine slows everything down). The
// canonical report stays in reports/bench/ for inspection.
// Usage: npm run bench:suite [-- extra `gauntlet run` flags]
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const out = join(root, 'reports/bench');
const load = () =>
  loadavg()
    .map((v) => v.toFixed(2))
    .join(' / ');
{
  // 1. The suite, timed from outside (process start to exit), with the load before and after.
  mkdirSync(out, { recursive: true });
  const loadBefore = load();
  const started = process.hrtime.bigint();
  const cli = [
    join(root, 'dist/src/cli/main.js'),
    'run',
    '--output',
    out,
    '--reporter',
    'json',
    ...process.argv.slice(2),
  ];
  const run = spawnSync(process.execPath, cli, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const loadAfter = load();
  const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
  // 2. Per attempt: harness overhead = attempt time outside executor calls.
  const attempts = report.cases.flatMap((c) => c.attempts);
  const overhead = attempts.map((a) => Math.max(0, a.durationMs - a.executorMs)).sort((a, b) => a - b);
  const executor = attempts.reduce((sum, a) => sum + a.executorMs, 0);
  const pct = (p) =>
    overhead.length ? overhead[Math.min(overhead.length - 1, Math.floor((p / 100) * overhead.length))] : 0;
  const mean = overhead.length ? overhead.reduce((s, v) => s + v, 0) / overhead.length : 0;
  // 3. Concurrency: the scheduler's own peaks, and the mean number of attempts running at once.
  const busy = attempts.reduce((sum, a) => sum + a.durationMs, 0);
  const sched = report.schedule;
  const slots = sched ? `${sched.cpuSlots} CPU + ${sched.waitSlots} wait slots` : `${report.options.workers} workers`;
  const peaks = sched
    ? `peak ${sched.peakAll} cases at once (${sched.peakCpu} CPU-bound, ${sched.peakWait} waiting)`
    : 'peak not reported';
  const s = report.summary.all;
  console.log(
    `gauntlet bench:suite  ${report.cases.length} cases, ${attempts.length} attempts, ` +
      `${slots}, ${cpus().length} CPUs, exit ${run.status}`,
  );
  console.log(
    `  statuses          ${s.passed} passed, ${s.failed} failed, ${s.errored} errored, ` +
      `${s.unsupported} unsupported, ${s.flaky} flaky`,
  );
  console.log(
    `  suite wall time   ${(wallMs / 1000).toFixed(2)} s (process start to exit; the run ` +
      `itself ${(report.durationMs / 1000).toFixed(2)} s)`,
  );
  console.log(`  load average      ${loadBefore} before, ${loadAfter} after (1 / 5 / 15 min)`);
  console.log(
    `  executor time     ${(executor / 1000).toFixed(2)} s summed over attempts ` +
      `(${report.target.starts} executor starts, ${report.target.restarts} restarts)`,
  );
  console.log(
    `  harness overhead  per case: mean ${mean.toFixed(1)} ms, p50 ${pct(50)} ms, p95 ` +
      `${pct(95)} ms, max ${overhead.at(-1) ?? 0} ms`,
  );
  console.log(
    `  concurrency       ${peaks}; mean ${(busy / Math.max(1, report.durationMs)).toFixed(2)} attempts running`,
  );
  console.log(`  report            ${join(out, 'report.json')}`);
}

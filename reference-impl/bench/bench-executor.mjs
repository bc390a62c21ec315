#!/usr/bin/env node
/**
 * Prints how fast the reference executor answers `execute` over stdio with a warm pool:
 *   1. where one sandbox's life goes, phase by phase (see startup-breakdown.mjs);
 *   2. latency p50/p95 for JavaScript and Python, one execution at a time, spaced so that the
 *      pool has refilled (this is what a harness sees when its sandboxes are warm);
 *   3. throughput with 1 and 4 concurrent clients, each sending its next execution as soon as
 *      the previous one is answered (here sandbox start-up, not the pool, sets the pace);
 *   4. the figures against the goals, with the load average beside each.
 *
 *   npm run bench:executor                         defaults below
 *   npm run bench:executor -- --samples 60 --seconds 15 --warm-js 4 --warm-python 2 --breakdown 5
 *
 * Needs a build (the npm script builds first). Payloads touch no network and no files. On a shared
 * machine, read every figure next to the load average printed with it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg, cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { startExecutorUnderTest, alice, bob } from '../../dist/reference-impl/src/testing/executor-under-test.js';
import { printStartupBreakdown } from './startup-breakdown.mjs';

const { values } = parseArgs({
  options: {
    samples: { type: 'string', default: '40' },
    seconds: { type: 'string', default: '10' },
    breakdown: { type: 'string', default: '5' },
    clients: { type: 'string', default: '1,4' },
    'warm-js': { type: 'string', default: '4' },
    'warm-python': { type: 'string', default: '2' },
    'gap-js': { type: 'string', default: '400' },
    'gap-python': { type: 'string', default: '2500' },
  },
});
const samples = Number(values.samples);
const seconds = Number(values.seconds);
const clientCounts = values.clients.split(',').map(Number);
const payloads = { javascript: "console.log('bench'); return 6 * 7;", python: 'print("bench")\n6 * 7' };
/** What the project asks of the reference executor on two cores. */
const goals = { javascript: { p50: 10 }, python: { p50: 40, throughput4: 20 } };
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const figures = [];

/**
 * CPU time (ms) of the executor process and of the sandboxes it has reaped: what its executions
 * cost the machine, whatever else loads it. The executor is this process's only Node child.
 */
function executorCpuMs() {
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    let stat;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue;
    }
    const [command, rest] = [
      stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')),
      stat.slice(stat.lastIndexOf(')') + 2).split(' '),
    ];
    if (command !== 'node' || Number(rest[1]) !== process.pid) continue;
    return [11, 12, 13, 14].reduce((sum, i) => sum + Number(rest[i]), 0) * 10;
  }
  return undefined;
}

function percentile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

/** One execution; throws unless it succeeded, so a broken executor cannot look fast. */
async function executeOnce(executor, language, principal = alice) {
  const started = performance.now();
  const result = await executor.execute(language, payloads[language], { principal, policy: { wallTimeMs: 30_000 } });
  if (result.status !== 'ok' || result.result !== 42)
    throw new Error(`execution failed: ${JSON.stringify(result).slice(0, 400)}`);
  return performance.now() - started;
}

async function latency(executor, language, gapMs) {
  const times = [];
  for (let i = 0; i < samples; i++) {
    await sleep(gapMs);
    times.push(await executeOnce(executor, language));
  }
  times.sort((a, b) => a - b);
  const fmt = (ms) => `${ms.toFixed(1).padStart(7)} ms`;
  const p50 = percentile(times, 0.5);
  console.log(
    `  ${language.padEnd(10)} p50 ${fmt(p50)}  p95 ${fmt(percentile(times, 0.95))}` +
      `  min ${fmt(times[0])}  max ${fmt(times.at(-1))}  (${samples} samples, ${gapMs} ms apart; load ${load()})`,
  );
  figures.push({
    what: `${language} warm p50`,
    value: p50,
    unit: 'ms',
    goal: goals[language].p50,
    better: 'lower',
    load: load(),
  });
}

async function throughput(executor, language, clients) {
  const deadline = performance.now() + seconds * 1000;
  const cpuBefore = executorCpuMs();
  let done = 0;
  const principals = [alice, bob];
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      while (performance.now() < deadline) {
        await executeOnce(executor, language, principals[c % 2]);
        done++;
      }
    }),
  );
  const rate = done / seconds;
  const cpuAfter = executorCpuMs();
  // The sandboxes still in the pool or being torn down are not counted yet: a slight underestimate.
  const cpu =
    cpuBefore === undefined || cpuAfter === undefined || done === 0 ? undefined : (cpuAfter - cpuBefore) / done;
  const cost =
    cpu === undefined
      ? ''
      : `; executor+sandbox CPU ${cpu.toFixed(0)} ms/execution, ` +
        `at most ${((cpus().length * 1000) / cpu).toFixed(1)}/s on ${cpus().length} idle cores`;
  console.log(
    `  ${language.padEnd(10)} ${String(clients).padStart(2)} client(s)  ${rate.toFixed(1).padStart(6)} executions/s` +
      `  (${done} in ${seconds} s${cost}; load ${load()})`,
  );
  if (language === 'python' && clients === 4)
    figures.push({
      what: 'python throughput, 4 clients',
      value: rate,
      unit: '/s',
      goal: goals.python.throughput4,
      better: 'higher',
      load: load(),
    });
}

// 1. Where a sandbox's life goes.
console.log(`reference executor bench: ${cpus().length} CPUs, load average ${load()}`);
if (Number(values.breakdown) > 0) await printStartupBreakdown(Number(values.breakdown));

// 2. Start the executor with the pool sizes asked for, and let the pool fill.
const warm = [
  '--warm',
  `javascript=${values['warm-js']}`,
  '--warm',
  `python=${values['warm-python']}`,
  '--rate-limit',
  '100000/100000',
];
const executor = await startExecutorUnderTest({ args: warm });
try {
  await executeOnce(executor, 'javascript');
  await executeOnce(executor, 'python');
  await sleep(5000);

  console.log(
    `\nexecute latency, warm pool (javascript=${values['warm-js']}, python=${values['warm-python']}), harness clock`,
  );
  await latency(executor, 'javascript', Number(values['gap-js']));
  await latency(executor, 'python', Number(values['gap-python']));

  // 3. Throughput: sandboxes are single-use, so this measures how fast fresh ones start.
  console.log(`\nthroughput, ${seconds} s per run, each client back to back`);
  for (const language of ['javascript', 'python']) {
    for (const clients of clientCounts) {
      await sleep(language === 'python' ? 5000 : 2000);
      await throughput(executor, language, clients);
    }
  }
} finally {
  await executor.close();
}

// 4. Against the goals.
console.log('\ngoals (2 cores)');
for (const f of figures) {
  const met = f.better === 'lower' ? f.value <= f.goal : f.value >= f.goal;
  console.log(
    `  ${f.what.padEnd(30)} ${f.value.toFixed(1).padStart(7)} ${f.unit.padEnd(3)}` +
      ` goal ${f.better === 'lower' ? '≤' : '≥'} ${f.goal} ${f.unit}: ${met ? 'met' : 'NOT met'}  (load ${f.load})`,
  );
}
console.log(`\nload average after: ${load()}`);

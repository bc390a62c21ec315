#!/usr/bin/env node
/**
 * Prints how fast the reference executor answers `execute` over stdio with a warm pool:
 *   1. latency p50/p95 for JavaScript and Python, one execution at a time, spaced so that the
 *      pool has refilled (this is what a harness sees when its sandboxes are warm);
 *   2. throughput at 1, 2 and 4 concurrent clients, each sending its next execution as soon as
 *      the previous one is answered (here sandbox start-up, not the pool, sets the pace).
 *
 *   npm run bench:executor                         defaults below
 *   npm run bench:executor -- --samples 60 --seconds 15 --warm-js 4 --warm-python 2
 *
 * Needs a build (the npm script builds first). Payloads touch no network and no files. The load
 * average is printed before and after: on a shared machine, read the figures next to it.
 */
import { loadavg, cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { startExecutorUnderTest, alice, bob } from '../../dist/reference-impl/src/testing/executor-under-test.js';

const { values } = parseArgs({
  options: {
    samples: { type: 'string', default: '40' },
    seconds: { type: 'string', default: '10' },
    'warm-js': { type: 'string', default: '4' },
    'warm-python': { type: 'string', default: '2' },
    'gap-js': { type: 'string', default: '400' },
    'gap-python': { type: 'string', default: '2500' },
  },
});
const samples = Number(values.samples);
const seconds = Number(values.seconds);
const payloads = { javascript: "console.log('bench'); return 6 * 7;", python: 'print("bench")\n6 * 7' };
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

function percentile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

/** One execution; throws unless it succeeded, so a broken executor cannot look fast. */
async function executeOnce(executor, language, principal = alice) {
  const started = performance.now();
  const result = await executor.execute(language, payloads[language], { principal, policy: { wallTimeMs: 30_000 } });
  if (result.status !== 'ok' || result.result !== 42) throw new Error(`execution failed: ${JSON.stringify(result).slice(0, 400)}`);
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
  console.log(`  ${language.padEnd(10)} p50 ${fmt(percentile(times, 0.5))}  p95 ${fmt(percentile(times, 0.95))}  min ${fmt(times[0])}  max ${fmt(times.at(-1))}  (${samples} samples, ${gapMs} ms apart)`);
}

async function throughput(executor, language, clients) {
  const deadline = performance.now() + seconds * 1000;
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
  console.log(`  ${language.padEnd(10)} ${String(clients).padStart(2)} client(s)  ${(done / seconds).toFixed(1).padStart(6)} executions/s  (${done} in ${seconds} s)`);
}

// 1. Start the executor with the pool sizes asked for, and let the pool fill.
console.log(`reference executor bench: ${cpus().length} CPUs, load average ${load()}`);
const warm = ['--warm', `javascript=${values['warm-js']}`, '--warm', `python=${values['warm-python']}`, '--rate-limit', '100000/100000'];
const executor = await startExecutorUnderTest({ args: warm });
try {
  await executeOnce(executor, 'javascript');
  await executeOnce(executor, 'python');
  await sleep(5000);

  // 2. Latency with a warm pool.
  console.log(`\nexecute latency, warm pool (javascript=${values['warm-js']}, python=${values['warm-python']}), harness clock`);
  await latency(executor, 'javascript', Number(values['gap-js']));
  await latency(executor, 'python', Number(values['gap-python']));

  // 3. Throughput: sandboxes are single-use, so this measures how fast fresh ones start.
  console.log(`\nthroughput, ${seconds} s per run, each client back to back`);
  for (const language of ['javascript', 'python']) {
    for (const clients of [1, 2, 4]) {
      await sleep(language === 'python' ? 5000 : 2000);
      await throughput(executor, language, clients);
    }
  }
} finally {
  await executor.close();
}
console.log(`\nload average after: ${load()}`);

#!/usr/bin/env node
// Flake check: runs the suite N times against the reference executor, each run with a fresh seed
// (never --seed), and counts per case how often it failed, errored or was flaky. The control group
// must never cry wolf: any count above zero is a bug in the reference or in a scenario, and the
// script exits 1. Each run's canonical report stays in reports/flake-check/run-I/ for its evidence.
// Usage: npm run flake-check -- N [--grep RE ...] [other `gauntlet run` flags; --profile defaults to
// the suite's]
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const out = join(root, 'reports/flake-check');
const [count, ...runArgs] = process.argv.slice(2);
const runs = Number(count);
if (!Number.isInteger(runs) || runs < 1 || runArgs.includes('--seed')) {
  console.error(
    'usage: npm run flake-check -- N [--grep RE ...] [gauntlet run flags, never --seed: every run gets a fresh one]',
  );
  process.exit(2);
}
// Without --profile, the profiles `npm run suite` runs (read from package.json, not restated), so
// that "N runs of the suite" means the README's main command, not only the default profile.
const suiteScript = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts.suite;
const suiteProfiles = /--profile (\S+)/.exec(suiteScript)?.[1];
if (!suiteProfiles) throw new Error(`package.json's suite script names no --profile: ${suiteScript}`);
if (!runArgs.includes('--profile')) runArgs.push('--profile', suiteProfiles);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

// 1. The runs, one after another (each already uses the machine's cores).
/** Per case id: counts of each non-passing status, with the first evidence of each. */
const cases = new Map();
const totals = {
  cases: 0,
  passed: 0,
  failed: 0,
  errored: 0,
  flaky: 0,
  unsupported: 0,
  harnessErrors: 0,
  brokenRuns: 0,
};
const started = Date.now();
for (let i = 1; i <= runs; i++) {
  const dir = join(out, `run-${i}`);
  rmSync(dir, { recursive: true, force: true });
  const runStarted = Date.now();
  const run = spawnSync(
    process.execPath,
    [join(root, 'dist/src/cli/main.js'), 'run', '--output', dir, '--reporter', 'json', ...runArgs],
    { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 },
  );
  const seconds = ((Date.now() - runStarted) / 1000).toFixed(1);
  let report;
  try {
    report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
  } catch {
    totals.brokenRuns++;
    console.log(
      `run ${i}/${runs}: exit ${run.status}, no report (${seconds} s, load ${load()}): ` +
        `${String(run.stderr).trim().split('\n').slice(-3).join(' | ')}`,
    );
    continue;
  }
  const s = report.summary.all;
  for (const key of ['passed', 'failed', 'errored', 'flaky', 'unsupported']) totals[key] += s[key];
  totals.cases += s.total;
  totals.harnessErrors += report.harnessErrors.length;
  if (run.status === 2) totals.brokenRuns++;
  console.log(
    `run ${i}/${runs}: seed ${report.seed}, exit ${run.status}, ${s.total} cases: ${s.passed} ` +
      `passed, ${s.failed} failed, ${s.errored} errored, ${s.flaky} flaky, ${s.unsupported} ` +
      `unsupported (${seconds} s, load ${load()})`,
  );
  for (const c of report.cases) {
    const status = c.outcome.status;
    if (status !== 'failed' && status !== 'errored' && status !== 'flaky') continue;
    const entry = cases.get(c.case.id) ?? { failed: 0, errored: 0, flaky: 0, evidence: [] };
    entry[status]++;
    const why =
      c.outcome.findings?.[0]?.message ??
      c.outcome.error?.message ??
      c.attempts?.at(-1)?.error?.message ??
      JSON.stringify(c.outcome).slice(0, 300);
    entry.evidence.push(`run ${i} (seed ${report.seed}) ${status}: ${String(why).slice(0, 400)}`);
    cases.set(c.case.id, entry);
    console.log(`  ${status.padEnd(7)} ${c.case.id}: ${String(why).slice(0, 300)}`);
  }
  for (const error of report.harnessErrors) console.log(`  harness error: ${JSON.stringify(error).slice(0, 300)}`);
}

// 2. Per case, then the summary.
console.log(
  `\nflake-check: ${runs} runs in ${((Date.now() - started) / 1000).toFixed(0)} ` +
    `s${runArgs.length ? ` (${runArgs.join(' ')})` : ''}, load ${load()}`,
);
if (cases.size === 0) console.log('  no case failed, errored or was flaky');
for (const [id, entry] of [...cases].sort(
  (a, b) => b[1].failed + b[1].errored + b[1].flaky - (a[1].failed + a[1].errored + a[1].flaky),
)) {
  console.log(`  ${id}: ${entry.failed} failed, ${entry.errored} errored, ${entry.flaky} flaky of ${runs}`);
  for (const line of entry.evidence.slice(0, 3)) console.log(`    ${line}`);
}
console.log(
  `  total: ${totals.cases} case runs, ${totals.passed} passed, ${totals.failed} failed, ` +
    `${totals.errored} errored, ${totals.flaky} flaky, ${totals.unsupported} unsupported; ` +
    `${totals.harnessErrors} harness errors; ${totals.brokenRuns} runs without a usable report`,
);
process.exit(totals.failed + totals.errored + totals.flaky + totals.harnessErrors + totals.brokenRuns > 0 ? 1 : 0);

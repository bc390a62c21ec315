#!/usr/bin/env node
/**
 * `npm run scorecard`: measures the reference executor and every adapter with the scenario
 * catalogue, then renders the comparison with `gauntlet compare` into docs/scorecard.md and
 * docs/scorecard.html. In order:
 * 1. run `gauntlet run --target T` once per target (one after the other: the machine is small),
 *    each into reports/scorecard/<target>/report.json, timing each on this script's clock;
 * 2. check every report: a target that errored cases or could not run is reported loudly;
 * 3. `gauntlet compare` over the reports writes the Markdown and HTML scorecards;
 * 4. print the figures (runtime and counts per target).
 * A run resumes: reports/scorecard/run.json fingerprints what is measured (the built harness and
 * adapters, the reference's sandbox sources, the scenarios, the lockfile, Node's version, the
 * options), and a target whose report was completed under the same fingerprint is reused, not
 * run again; so an interrupted run loses only the target it was on. Anything else starts a new
 * run and clears the old reports.
 * Options: --only NAME[,NAME] (targets to measure, e.g. reference,adapter:deno), --workers N
 * (default 2), --profile LIST (the conformance profiles judged for every target; default the seven
 * the reference executor is meant for:
 * core,sessions,tools,audit,redaction,multi-tenant,network-allowlist), --fresh (start a new run
 * even when the fingerprint matches), --skip-run (re-render from the reports already in
 * reports/scorecard).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist/src/cli/main.js');
const { adapterNames } = await import(join(root, 'dist/adapters/adapter-catalogue.js'));
// The reports' own escaping tag: executor names and versions are the executor's text.
const { html } = await import(join(root, 'dist/src/reporters/markup/html-tag.js'));
const outRoot = join(root, 'reports/scorecard');
/** A whole target's run may take this long before it is stopped (a hung executor must not hang the script). */
const TARGET_DEADLINE_MS = 45 * 60_000;

const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const targets = (option('--only')?.split(',') ?? ['reference', ...adapterNames.map((n) => `adapter:${n}`)]).filter(
  Boolean,
);
/**
 * Two cases at once: the machine this runs on has two cores, shared; more only queue for the CPU
 * and stretch every case's clock.
 */
const workers = option('--workers') ?? '2';
/** Every target is judged against the same profiles: the scorecard has one row per profile per executor. */
const profiles = option('--profile') ?? 'core,sessions,tools,audit,redaction,multi-tenant,network-allowlist';
const skipRun = args.includes('--skip-run');
const fresh = args.includes('--fresh');

if (!existsSync(cli)) {
  console.error('scorecard: dist/ is missing; run `npm run build` first (npm run scorecard does)');
  process.exit(2);
}

/** Runs a command with a deadline; resolves with its exit code and the time it took. */
function run(command, commandArgs, logFile, deadlineMs) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(command, commandArgs, {
      cwd: root,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    const keep = (chunk) => {
      log += chunk.toString();
      if (log.length > 4_000_000) log = log.slice(-2_000_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => child.kill('SIGTERM'), deadlineMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (logFile) writeFileSync(logFile, log);
      resolve({ code, signal, seconds: (performance.now() - started) / 1000, log });
    });
  });
}

const mdCell = (text) => String(text).replace(/[|\\`*_[\]<>]/g, (c) => `\\${c}`);
/** True when no report could be compared, so there is nothing to annotate. */
const problemsOnly = (list) => list.every((r) => !r.file);

/** Appends the measurement facts to docs/scorecard.md and, before </body>, to docs/scorecard.html. */
function appendMeasurement(list) {
  const corpora = [
    ...new Set(
      list.map(
        (r) => `${r.corpus?.scenarios ?? '?'} scenario files, digest ${String(r.corpus?.digest ?? '?').slice(0, 16)}`,
      ),
    ),
  ];
  const started =
    list
      .map((r) => r.startedAt)
      .filter(Boolean)
      .sort()[0] ?? 'unknown';
  const produced =
    `Produced by \`npm run scorecard\` on ${new Date().toISOString().slice(0, 10)} (runs started ${started}), ` +
    `Node.js ${process.versions.node}, ${cpus().length} CPUs, one target after the other with ${workers} workers, ` +
    `the profiles ${profiles}, Gauntlet's default policy and options: every scenario of those profiles and their ` +
    'fuzz properties (its properties at their default budgets, committed regressions first).';
  const catalogue = `Scenario catalogue: ${corpora.join('; ')}.`;
  const counts = (r) => [r.seconds.toFixed(0), r.passed, r.failed, r.errored, r.unsupported];
  const mdRow = (r) =>
    `| \`${r.target}\` | ${mdCell(r.executor)}${r.available ? '' : ' (UNAVAILABLE on this machine)'} | ` +
    `${counts(r).join(' | ')} |`;
  const lines = [
    '',
    '## How this was measured',
    '',
    produced,
    catalogue,
    '',
    '| Target | Executor and version measured | Run time (s) | Passed | Failed | Errored | Unsupported |',
    '|---|---|---:|---:|---:|---:|---:|',
    ...list.map(mdRow),
    '',
    'Unsupported cases need a capability or language the executor does not declare, or a policy it refused as ' +
      'unenforceable; they never count as passed. The adapters and what each declares are described in ' +
      '`adapters/README.md`.',
    '',
  ];
  const md = join(root, 'docs/scorecard.md');
  if (existsSync(md)) writeFileSync(md, `${readFileSync(md, 'utf8').trimEnd()}\n${lines.join('\n')}`);
  const htmlFile = join(root, 'docs/scorecard.html');
  if (existsSync(htmlFile)) {
    const columns = ['Target', 'Executor and version', 'Run time (s)', 'Passed', 'Failed', 'Errored', 'Unsupported'];
    const head = html`<thead><tr>${columns.map((c) => html`<th>${c}</th>`)}</tr></thead>`;
    const rowsHtml = list.map((r) => {
      const executor = html`<td>${r.executor}${r.available ? '' : ' (UNAVAILABLE)'}</td>`;
      return html`<tr><td><code>${r.target}</code></td>${executor}${counts(r).map((n) => html`<td>${n}</td>`)}</tr>`;
    });
    const facts = html`<p>${produced.replace(/`/g, '')}</p><p>${catalogue}</p>`;
    const table = html`<table>${head}<tbody>${rowsHtml}</tbody></table>`;
    const section = html`<section id="measured"><h2>How this was measured</h2>${facts}${table}</section>`.toString();
    const page = readFileSync(htmlFile, 'utf8');
    writeFileSync(htmlFile, page.includes('</body>') ? page.replace('</body>', `${section}</body>`) : page + section);
  }
}

const folderOf = (target) => target.replace(/[^a-z0-9-]+/gi, '-');
const readJson = (file) => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
};
/** Writes via a temporary file, so a crash never leaves half a file that a resumed run would trust. */
const writeJsonAtomic = (file, value) => {
  writeFileSync(`${file}.tmp`, `${JSON.stringify(value, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
};

/** Every file under dir, sorted, so the digest does not depend on the order the disk lists them. */
function filesUnder(dir) {
  if (!existsSync(dir)) return [];
  return (
    readdirSync(dir, { withFileTypes: true, recursive: true })
      // The compiler's incremental state is bookkeeping, not code that runs.
      .filter((d) => d.isFile() && !d.name.endsWith('.tsbuildinfo'))
      .map((d) => join(d.parentPath ?? d.path, d.name))
      .sort()
  );
}

/**
 * What decides the results: the code that runs (harness and adapters, and the reference's sandbox
 * bootstrap, which Deno runs from source, not from dist/), the scenarios, the pinned libraries,
 * Node and the worker count.
 */
function fingerprintOf() {
  const hash = createHash('sha256');
  // --only is left out: which targets one invocation measures does not change any target's result.
  hash.update(JSON.stringify({ node: process.versions.node, workers, profiles }));
  for (const file of [
    ...filesUnder(join(root, 'dist')),
    ...filesUnder(join(root, 'reference-impl/sandbox')),
    ...filesUnder(join(root, 'scenarios')),
    join(root, 'package-lock.json'),
  ]) {
    hash.update(relative(root, file));
    hash.update(readFileSync(file));
  }
  return hash.digest('hex');
}

/**
 * The run this invocation belongs to: the one in run.json when its fingerprint matches, else a
 * new one (old reports cleared).
 */
function openRun() {
  const fingerprint = fingerprintOf();
  const file = join(outRoot, 'run.json');
  const previous = readJson(file);
  if (!fresh && previous?.fingerprint === fingerprint) {
    console.log(
      `scorecard: resuming the run started ${previous.startedAt} (same code, scenarios, Node and workers); ` +
        'completed targets are reused',
    );
    return previous;
  }
  if (previous)
    console.log(
      `scorecard: starting a new run (${
        fresh ? '--fresh' : `the code, scenarios, Node or workers changed since the run of ${previous.startedAt}`
      }); earlier reports are cleared`,
    );
  rmSync(outRoot, { recursive: true, force: true });
  mkdirSync(outRoot, { recursive: true });
  const opened = { startedAt: new Date().toISOString(), fingerprint };
  writeJsonAtomic(file, opened);
  return opened;
}

/** A target's earlier result in this run, when it ran to the end and wrote its report. */
function completed(dir, runInfo) {
  const runtime = readJson(join(dir, 'runtime.json'));
  return runtime?.complete === true &&
    runtime.fingerprint === runInfo.fingerprint &&
    existsSync(join(dir, 'report.json'))
    ? runtime
    : undefined;
}

const measured = [];
mkdirSync(outRoot, { recursive: true });
const runInfo = skipRun ? undefined : openRun();

// 1. Measure every target, one after the other, reusing what this run already measured.
for (const target of targets) {
  const dir = join(outRoot, folderOf(target));
  mkdirSync(dir, { recursive: true });
  if (skipRun) {
    measured.push({ target, dir, seconds: undefined, code: undefined });
    continue;
  }
  const earlier = completed(dir, runInfo);
  if (earlier) {
    console.log(
      `scorecard: ${target} already measured in this run ` +
        `(exit ${earlier.exitCode} in ${earlier.seconds.toFixed(1)} s), reused`,
    );
    measured.push({ target, dir, seconds: earlier.seconds, code: earlier.exitCode });
    continue;
  }
  // A report left by an interrupted attempt must never pass for this attempt's.
  for (const stale of ['report.json', 'runtime.json']) rmSync(join(dir, stale), { force: true });
  process.stdout.write(`scorecard: ${target} ... `);
  const runArgs = [cli, 'run', '--target', target, '--output', dir, '--workers', workers, '--profile', profiles];
  const result = await run(process.execPath, runArgs, join(dir, 'console.log'), TARGET_DEADLINE_MS);
  measured.push({ target, dir, seconds: result.seconds, code: result.code });
  console.log(`exit ${result.code ?? result.signal} in ${result.seconds.toFixed(1)} s`);
  // Exit 0 or 1 is a finished run (the gate passed or failed); 2, a signal or the deadline is not,
  // and is tried again on resume.
  const complete = (result.code === 0 || result.code === 1) && existsSync(join(dir, 'report.json'));
  writeJsonAtomic(join(dir, 'runtime.json'), {
    target,
    seconds: result.seconds,
    exitCode: result.code,
    signal: result.signal,
    complete,
    fingerprint: runInfo.fingerprint,
  });
}

// 2. Check the reports: what counts is in them, and errored cases must be looked at.
const rows = [];
let problems = 0;
for (const entry of measured) {
  const file = join(entry.dir, 'report.json');
  if (!existsSync(file)) {
    console.error(`scorecard: ${entry.target} wrote no report (see ${join(entry.dir, 'console.log')})`);
    problems++;
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const counts = { passed: 0, failed: 0, errored: 0, unsupported: 0, flaky: 0, suppressed: 0 };
  for (const c of report.cases) counts[c.outcome.status] = (counts[c.outcome.status] ?? 0) + 1;
  const seconds = entry.seconds ?? JSON.parse(readFileSync(join(entry.dir, 'runtime.json'), 'utf8')).seconds;
  const info = report.target?.initialize?.executorInfo;
  rows.push({
    target: entry.target,
    executor: info ? `${info.name} ${info.version}` : '(did not start)',
    seconds,
    ...counts,
    file,
    startedAt: report.startedAt,
    corpus: report.corpus,
    harnessErrors: report.harnessErrors?.length ?? 0,
    available: !/^UNAVAILABLE/.test(info?.description ?? ''),
    profiles: (report.profiles ?? []).map((p) => `${p.id} ${p.status}`).join(', ') || 'none',
  });
  if (counts.errored > 0) {
    console.error(`scorecard: ${entry.target} has ${counts.errored} errored cases:`);
    for (const c of report.cases.filter((x) => x.outcome.status === 'errored').slice(0, 10))
      console.error(`  ${c.case.id}: ${String(c.outcome.reason ?? '').slice(0, 300)}`);
    problems++;
  }
}

// 3. Render the comparison.
if (rows.length) {
  const compare = await run(
    process.execPath,
    [
      cli,
      'compare',
      ...rows.map((r) => r.file),
      '--markdown',
      join(root, 'docs/scorecard.md'),
      '--html',
      join(root, 'docs/scorecard.html'),
    ],
    join(outRoot, 'compare.log'),
    10 * 60_000,
  );
  if (compare.code !== 0) {
    console.error(`scorecard: gauntlet compare failed (exit ${compare.code}):\n${compare.log.slice(-3000)}`);
    problems++;
  }
}

// 4. How it was measured: the date, the versions, the corpus and each target's time, under both scorecards.
if (rows.length && !problemsOnly(rows)) appendMeasurement(rows);

// 5. Figures.
console.log(
  '\ntarget                 executor                          seconds  passed  failed errored unsupported  profiles',
);
for (const r of rows) {
  const counts = [r.passed, r.failed, r.errored].map((n) => String(n).padStart(7)).join(' ');
  console.log(
    `${r.target.padEnd(22)} ${r.executor.slice(0, 32).padEnd(32)} ${r.seconds.toFixed(1).padStart(8)} ` +
      `${counts} ${String(r.unsupported).padStart(11)}  ${r.profiles}`,
  );
}
writeFileSync(
  join(outRoot, 'runtimes.json'),
  `${JSON.stringify(
    rows.map(({ file: _file, corpus: _corpus, ...r }) => r),
    null,
    2,
  )}\n`,
);
process.exit(problems ? 1 : 0);

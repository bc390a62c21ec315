#!/usr/bin/env node
// Prints how long each report format takes for a large run, and how big it gets.
//   npm run bench:reports [-- CASES]      (default 1000 cases; needs `npm run build` first)
import { mkdtempSync, rmSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dist = new URL('../dist/src/', import.meta.url);
const { fixtureReport } = await import(new URL('testing/fixtures/reports/fixture-report.js', dist));
const { evaluateGate } = await import(new URL('gate/evaluate-gate.js', dist));
const { withGateDefaults } = await import(new URL('gate/gate-defaults.js', dist));
const { renderHtml } = await import(new URL('reporters/html/render-html.js', dist));
const { renderJunit } = await import(new URL('reporters/junit-reporter.js', dist));
const { renderSarif } = await import(new URL('reporters/sarif-reporter.js', dist));
const { writeAllureResults } = await import(new URL('reporters/allure-reporter.js', dist));
const { reportValidator } = await import(new URL('report/report-validator.js', dist));

const cases = Number(process.argv[2] ?? 1000);
const report = fixtureReport({ cases });
const dir = mkdtempSync(join(tmpdir(), 'gauntlet-bench-reports-'));
const rows = [];
async function time(name, fn, size) {
  fn(); // warm-up: the first call compiles
  const started = performance.now();
  const runs = 5;
  let out;
  for (let i = 0; i < runs; i++) out = await fn();
  rows.push({ name, ms: (performance.now() - started) / runs, bytes: size(out) });
}
await time(
  'gate',
  () => (report.gate = evaluateGate(report.cases, { config: withGateDefaults(), today: '2026-11-23' })),
  () => 0,
);
await time(
  'validate report',
  () => reportValidator().validate('Report', report),
  () => JSON.stringify(report).length,
);
await time(
  'html',
  () => renderHtml(report),
  (s) => Buffer.byteLength(s),
);
await time(
  'junit',
  () => renderJunit(report),
  (s) => Buffer.byteLength(s),
);
await time(
  'sarif',
  () => JSON.stringify(renderSarif(report)),
  (s) => Buffer.byteLength(s),
);
await time(
  'allure results',
  () => writeAllureResults(report, join(dir, 'allure')),
  () => readdirSync(join(dir, 'allure')).reduce((s, f) => s + statSync(join(dir, 'allure', f)).size, 0),
);
rmSync(dir, { recursive: true, force: true });
console.log(`report formats for ${cases} cases (mean of 5 runs after a warm-up)`);
for (const r of rows)
  console.log(
    `  ${r.name.padEnd(16)} ${r.ms.toFixed(1).padStart(8)} ms  ` +
      (r.bytes ? `${(r.bytes / 1024).toFixed(0).padStart(7)} KiB` : ''),
  );

import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealReport } from '../report/seal-report.js';
import { fixtureReport } from '../testing/fixtures/reports/fixture-report.js';
import { gatedFixtureReport } from '../testing/fixtures/reports/gated-fixture.js';
import { runCli } from '../testing/run-cli.js';

describe('gauntlet report and compare', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gauntlet-report-cli-'));
    await writeFile(join(dir, 'report.json'), JSON.stringify(sealReport(gatedFixtureReport())));
    await writeFile(
      join(dir, 'weak.json'),
      JSON.stringify(
        sealReport(fixtureReport({ target: 'weak', statusOf: (i) => (i % 3 === 0 ? 'failed' : 'passed') })),
      ),
    );
  }, 240_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  }, 240_000);

  it('prints the HTML report to a PDF in Chromium', async () => {
    const run = await runCli(['report', 'pdf', join(dir, 'report.json'), '-o', join(dir, 'report.pdf')], {
      deadlineMs: 180_000,
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const pdf = await readFile(join(dir, 'report.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await stat(join(dir, 'report.pdf'))).size).toBeGreaterThan(20_000);
  }, 200_000);

  it('writes html, junit and sarif beside the report, and exits 2 on an invalid report', async () => {
    for (const format of ['html', 'junit', 'sarif'])
      expect((await runCli(['report', format, join(dir, 'report.json')])).code).toBe(0);
    await expect(readFile(join(dir, 'report.html'), 'utf8')).resolves.toContain('GATE FAILED');
    await expect(readFile(join(dir, 'junit.xml'), 'utf8')).resolves.toContain('<testsuites');
    await expect(readFile(join(dir, 'results.sarif'), 'utf8')).resolves.toContain('"version": "2.1.0"');
    await writeFile(join(dir, 'bad.json'), JSON.stringify({ schemaVersion: '1.0', cases: 'no' }));
    const bad = await runCli(['report', 'html', join(dir, 'bad.json')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`REPORT_INVALID: ${join(dir, 'bad.json')}: does not match schemas/report.schema.json`);
  }, 240_000);

  it('writes the markdown summary beside the report and prints github annotations', async () => {
    expect((await runCli(['report', 'markdown', join(dir, 'report.json')])).code).toBe(0);
    await expect(readFile(join(dir, 'summary.md'), 'utf8')).resolves.toMatch(
      /^## Gauntlet: gate FAILED against reference\n\n\*\*The gate failed:\*\*/,
    );
    const github = await runCli(['report', 'github', join(dir, 'report.json')]);
    expect(github.code).toBe(0);
    expect(github.stdout).toMatch(/^::error (file=[^,]+,line=\d+,)?title=Gauntlet gate failed::/);
    expect(
      github.stdout
        .trimEnd()
        .split('\n')
        .every((l) => /^::(error|warning|notice) /.test(l)),
    ).toBe(true);
  }, 60_000);

  it('compare writes a side-by-side scorecard in Markdown and HTML', async () => {
    const run = await runCli([
      'compare',
      join(dir, 'report.json'),
      join(dir, 'weak.json'),
      '--markdown',
      join(dir, 'scorecard.md'),
      '--html',
      join(dir, 'scorecard.html'),
    ]);
    expect(run.code).toBe(0);
    const md = await readFile(join(dir, 'scorecard.md'), 'utf8');
    expect(md).toContain('| | reference | weak |');
    expect(md).toMatch(/\| elevation-of-privilege \| [\d.]+% \(\d+\/\d+\) \| [\d.]+% \(\d+\/\d+\) \|/);
    expect(md).toContain(
      '| `elevation-of-privilege.js.function-constructor-escape` | critical | ❌ failed | ❌ failed |',
    );
    await expect(readFile(join(dir, 'scorecard.html'), 'utf8')).resolves.toContain('<th>weak</th>');
  }, 240_000);
});

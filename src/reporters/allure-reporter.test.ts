import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gatedFixtureReport } from '../testing/fixtures/reports/gated-fixture.js';
import { hostileReport } from '../testing/fixtures/reports/hostile-report.js';
import { generateAllureSite } from './allure/generate-allure-site.js';
import { writeAllureResults } from './allure-reporter.js';

const dir = mkdtempSync(join(tmpdir(), 'gauntlet-allure-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const json = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

describe('allure reporter', () => {
  const report = gatedFixtureReport();
  const results = join(dir, 'results');

  it('writes a result per case: epic = STRIDE, severity mapped, failed apart from broken, evidence', async () => {
    await writeAllureResults(report, results);
    const files = readdirSync(results);
    const all = files.filter((f) => f.endsWith('-result.json')).map((f) => json(join(results, f)));
    expect(all).toHaveLength(report.cases.length);
    const byName = new Map(all.map((r) => [r.fullName, r]));
    const label = (r: { labels: Array<{ name: string; value: string }> }, name: string) =>
      r.labels.filter((l) => l.name === name).map((l) => l.value);
    for (const c of report.cases) {
      const r = byName.get(c.case.id);
      expect(label(r, 'epic')).toEqual([c.case.stride]);
      const expected = {
        passed: 'passed',
        flaky: 'passed',
        failed: 'failed',
        errored: 'broken',
        unsupported: 'skipped',
      }[c.outcome.status];
      expect(r.status).toBe(expected);
    }
    const critical = all.find((r) => r.fullName.startsWith('elevation-of-privilege.js.function-constructor-escape'));
    expect(label(critical, 'severity')).toEqual(['blocker']);
    const failed = all.find((r) => r.status === 'failed' && !r.statusDetails.known);
    expect(failed.attachments.map((a: { source: string }) => a.source).every((s: string) => files.includes(s))).toBe(
      true,
    );
    expect(readFileSync(join(results, failed.attachments[1].source), 'utf8')).toContain('canary token surfaced');
    const suppressed = all.filter((r) => r.statusDetails.known);
    expect(suppressed).toHaveLength(1);
    expect(suppressed[0].statusDetails.message).toMatch(/^suppressed \(failed\): known upstream issue/);
    expect(all.filter((r) => r.statusDetails.flaky)).toHaveLength(
      report.cases.filter((c) => c.outcome.status === 'flaky').length,
    );
    expect(all[0].parameters.map((p: { name: string }) => p.name)).toContain('run seed');
    expect(json(join(results, 'categories.json')).map((c: { name: string }) => c.name)).toContain(
      'Sandbox violations (the executor is vulnerable)',
    );
    expect(readFileSync(join(results, 'environment.properties'), 'utf8')).toContain(
      `corpus.digest=${report.corpus.digest}`,
    );
  });

  it('allure-commandline builds the site from them', async () => {
    const site = join(dir, 'site');
    await generateAllureSite(results, site);
    expect(existsSync(join(site, 'index.html'))).toBe(true);
    const { statistic } = json(join(site, 'widgets/summary.json'));
    const count = (s: string) => report.cases.filter((c) => c.outcome.status === s).length;
    expect(statistic).toMatchObject({
      total: report.cases.length,
      failed: count('failed'),
      broken: count('errored'),
      skipped: count('unsupported'),
      passed: count('passed') + count('flaky'),
    });
    const categories = json(join(site, 'data/categories.json')).children.map((c: { name: string }) => c.name);
    expect(categories).toEqual(
      expect.arrayContaining([
        'Sandbox violations (the executor is vulnerable)',
        'Could not judge (harness or executor broke)',
        'Suppressed known problems',
      ]),
    );
    const env = json(join(site, 'widgets/environment.json')).map((e: { name: string }) => e.name);
    expect(env).toEqual(expect.arrayContaining(['target', 'protocol', 'corpus.digest', 'seed']));
  }, 180_000);

  it('bounds hostile output in results and attachments', async () => {
    const hostileDir = join(dir, 'hostile');
    await writeAllureResults(hostileReport(), hostileDir);
    let total = 0;
    for (const f of readdirSync(hostileDir)) {
      const text = readFileSync(join(hostileDir, f), 'utf8');
      total += text.length;
      expect(text).not.toContain('\u001b');
    }
    expect(total).toBeLessThan(500_000);
  });
});

import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../report/generated/types.js';
import { gatedFixtureReport } from '../testing/fixtures/reports/gated-fixture.js';
import { hostileReport } from '../testing/fixtures/reports/hostile-report.js';
import { launchChromium } from './chromium.js';
import { htmlReporter } from './html-reporter.js';

const dir = mkdtempSync(join(tmpdir(), 'gauntlet-html-'));
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Writes the report's HTML with the real reporter and opens it, recording every request and error. */
async function open(
  name: string,
  report: Report,
): Promise<{ page: Page; file: string; requests: string[]; errors: string[] }> {
  const file = join(dir, `${name}.html`);
  await htmlReporter.create({ outputFile: file, outputDir: dir, print: () => {}, interactive: false }).onRunEnd!(
    report,
  );
  const page = await browser.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(pathToFileURL(file).href);
  return { page, file, requests, errors };
}

const visibleCases = (page: Page) => page.locator('details[data-case]:visible');

describe('html report in Chromium', () => {
  const report = gatedFixtureReport();
  const n = (status: string) =>
    report.cases.filter(
      (c) => (report.gate.suppressed!.includes(c.case.id) ? 'suppressed' : c.outcome.status) === status,
    ).length;

  it('renders the verdict, the gate explanation and the matrix, and loads nothing', async () => {
    const { page, file, requests, errors } = await open('fixture', report);
    expect(requests).toEqual([pathToFileURL(file).href]);
    expect(errors).toEqual([]);
    await expect(page.locator('#verdict').textContent()).resolves.toBe('GATE FAILED');
    const failedRules = await page
      .locator('tr.rule-failed')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-rule')));
    expect(failedRules.sort()).toEqual(
      ['expectation-expired', 'min-pass-rate', 'no-regressions']
        .filter((r) => report.gate.rules!.some((x) => x.rule === r && !x.passed))
        .sort(),
    );
    await expect(page.locator('tr[data-rule="expectation-expired"]').textContent()).resolves.toContain('2026-11-01');
    expect(await page.locator('table.matrix tbody tr').count()).toBe(6);
    const critical = page.locator('td[data-stride="elevation-of-privilege"][data-severity="critical"]');
    const inCell = report.cases.filter(
      (c) => c.case.stride === 'elevation-of-privilege' && c.case.severity === 'critical',
    );
    const judged = inCell.filter(
      (c) => c.outcome.status !== 'unsupported' && !report.gate.suppressed!.includes(c.case.id),
    );
    const passing = judged.filter((c) => c.outcome.status === 'passed' || c.outcome.status === 'flaky');
    await expect(critical.locator('strong').textContent()).resolves.toBe(`${passing.length}/${judged.length}`);
    expect(await page.locator('#baseline tr[data-change="regression"]').count()).toBe(
      report.gate.baseline!.changes.filter((c) => c.kind === 'regression').length,
    );
    expect(statSync(file).size).toBeLessThan(300_000);
  });

  it('filters by verdict, by matrix cell and by text', async () => {
    const { page } = await open('filters', report);
    await expect(page.locator('#filter-count').textContent()).resolves.toBe(
      `${report.cases.length} of ${report.cases.length} cases`,
    );
    await page.selectOption('#filter-verdict', 'failed');
    expect(await visibleCases(page).count()).toBe(n('failed'));
    await page.selectOption('#filter-verdict', 'suppressed');
    expect(await visibleCases(page).count()).toBe(1);
    await page.click('#filter-reset');
    await page.click('td[data-stride="denial-of-service"][data-severity="high"]');
    const strides = await visibleCases(page).evaluateAll((rows) =>
      rows.map((r) => `${r.getAttribute('data-stride')}/${r.getAttribute('data-severity')}`),
    );
    expect(strides.length).toBe(
      report.cases.filter((c) => c.case.stride === 'denial-of-service' && c.case.severity === 'high').length,
    );
    expect(new Set(strides)).toEqual(new Set(['denial-of-service/high']));
    await page.click('#filter-reset');
    await page.fill('#filter-text', 'allocation bomb');
    expect(await visibleCases(page).count()).toBe(
      report.cases.filter((c) => c.case.title.includes('allocation bomb')).length,
    );
  });

  it('keeps the filters in the URL hash and restores them on load', async () => {
    const { page, file } = await open('hash', report);
    await page.selectOption('#filter-verdict', 'failed');
    await page.fill('#filter-text', 'python');
    const hash = await page.evaluate(() => (globalThis as unknown as { location: { hash: string } }).location.hash);
    expect(hash).toBe('#verdict=failed&q=python');
    const second = await browser.newPage();
    await second.goto(
      `${pathToFileURL(file).href}#verdict=failed&stride=information-disclosure&q=python&severity=bogus`,
    );
    await expect(second.locator('#filter-verdict').inputValue()).resolves.toBe('failed');
    await expect(second.locator('#filter-stride').inputValue()).resolves.toBe('information-disclosure');
    await expect(second.locator('#filter-severity').inputValue()).resolves.toBe('');
    const expected = report.cases.filter(
      (c) =>
        c.outcome.status === 'failed' &&
        !report.gate.suppressed!.includes(c.case.id) &&
        c.case.stride === 'information-disclosure' &&
        `${c.case.id} ${c.case.title} ${c.case.tags.join(' ')}`.toLowerCase().includes('python'),
    );
    expect(await visibleCases(second).count()).toBe(expected.length);
    // A STRIDE group without a shown case is hidden with its heading.
    expect(await second.locator('section[data-group]:visible').count()).toBe(expected.length ? 1 : 0);
  });

  it('shows each case with its evidence: findings, steps, attempts and the replay command', async () => {
    const { page } = await open('evidence', report);
    const failed = report.cases.find(
      (c) => c.outcome.status === 'failed' && !report.gate.suppressed!.includes(c.case.id),
    )!;
    const block = page.locator(`details[data-case][data-verdict="failed"]`).filter({ hasText: failed.case.id }).first();
    await expect(block.getAttribute('open')).resolves.toBe('');
    await expect(block.locator('.finding').first().textContent()).resolves.toContain('canary token surfaced in stdout');
    await expect(block.locator('pre.evidence').first().textContent()).resolves.toBe('GAUNTLET_CANARY_7f3a9c1e2b4d');
    await expect(block.locator('table.steps').first().isVisible()).resolves.toBe(true);
    await expect(block.textContent()).resolves.toContain(failed.replay);
    const passed = page.locator('details[data-case][data-verdict="passed"]').first();
    await expect(passed.getAttribute('open')).resolves.toBeNull();
  });

  it('shows hostile executor output as inert, bounded text', async () => {
    const { page, file, errors, requests } = await open('hostile', hostileReport());
    expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(errors).toEqual([]);
    expect(requests).toEqual([pathToFileURL(file).href]);
    const html = readFileSync(file, 'utf8');
    expect(statSync(file).size).toBeLessThan(400_000);
    expect(html).not.toContain('\u001b');
    expect(html).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    expect((html.match(/<script/g) ?? []).length).toBe(1);
    expect(await page.locator('img').count()).toBe(0);
    // The script tag is there as text, the huge reason is cut and says so.
    const errored = page
      .locator('details[data-case][data-verdict="errored"]')
      .filter({ hasText: 'window.__pwned' })
      .first();
    const reason = (await errored.locator('pre.reason').first().textContent())!;
    expect(reason).toContain('</script><script>window.__pwned = 1</script>');
    expect(reason.length).toBeLessThan(5000);
    expect(reason).toMatch(/more characters cut\]$/);
    await expect(page.locator('body').textContent()).resolves.toContain('\\x1b[31mRED');
  });
});

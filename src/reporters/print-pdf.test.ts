import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gatedFixtureReport } from '../testing/fixtures/reports/gated-fixture.js';
import { renderHtml } from './html/render-html.js';
import { printPdf } from './print-pdf.js';

const dir = mkdtempSync(join(tmpdir(), 'gauntlet-pdf-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the PDF report', () => {
  it('has page numbers, a bookmark per STRIDE category and failed case, tags, and no blank page', async () => {
    const report = gatedFixtureReport();
    const file = join(dir, 'report.pdf');
    await printPdf(renderHtml(report), file);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8', timeout: 30_000 });
    const pages = Number(/^Pages:\s+(\d+)$/m.exec(info)![1]);
    expect(pages).toBeGreaterThan(1);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', timeout: 30_000 });
    const pageTexts = text.split('\f').slice(0, pages);
    pageTexts.forEach((page, i) => {
      expect(page).toContain(`page ${i + 1} of ${pages}`);
      // Besides the footer, every page carries report content.
      expect(page.replace(/Gauntlet report|page \d+ of \d+/g, '').trim().length).toBeGreaterThan(200);
    });
    const pdf = readFileSync(file, 'latin1');
    expect(pdf).toMatch(/\/Outlines \d+ 0 R/);
    const titles = [...pdf.matchAll(/\/Title \((.*?)\)\s*\/(?:Parent|First|Next|Prev|Dest|Count)/g)].map((m) => m[1]);
    const strides = new Set(report.cases.map((c) => c.case.stride ?? 'unclassified'));
    for (const stride of strides) expect(titles.some((t) => t!.startsWith(stride))).toBe(true);
    const failed = report.cases.filter(
      (c) => c.outcome.status === 'failed' && !report.gate.suppressed?.includes(c.case.id),
    );
    expect(titles.some((t) => t!.includes(failed[0]!.case.id))).toBe(true);
    // Only categories, cases that did not pass and the report's own sections: no passed case, no attempt.
    expect(titles.some((t) => t!.startsWith('Attempt'))).toBe(false);
    const passed = report.cases.filter((c) => c.outcome.status === 'passed');
    expect(titles.some((t) => passed.some((c) => t!.includes(c.case.id)))).toBe(false);
  }, 180_000);
});

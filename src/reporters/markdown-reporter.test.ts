import { describe, expect, it } from 'vitest';
import { fixtureReport } from '../testing/fixtures/reports/fixture-report.js';
import { markupHostileReport } from '../testing/fixtures/reports/markup-hostile-report.js';
import { escapeMarkdown } from './escape-markdown.js';
import { safeText } from './safe-text.js';
import { MARKDOWN_CASE_ROWS, renderMarkdown } from './markdown-reporter.js';

/** Table cell separators: pipes not escaped with a backslash. */
const cells = (line: string) => line.split(/(?<!\\)\|/).length - 1;

describe('markdown reporter', () => {
  it('leads with the gate verdict and its reasons, then the failed cases worst first', () => {
    const report = fixtureReport({ statusOf: (i) => (i % 3 === 0 ? 'failed' : i % 3 === 1 ? 'flaky' : 'passed') });
    report.gate = { passed: false, reasons: ['critical pass rate 50.0% < 100%'] };
    const md = renderMarkdown(report);
    const lines = md.split('\n');
    expect(lines[0]).toBe('## Gauntlet: gate FAILED against reference');
    expect(md).toContain('- critical pass rate 50.0% \\< 100%');
    expect(md.indexOf('**The gate failed:**')).toBeLessThan(md.indexOf('### Cases that did not pass'));
    const rows = lines.filter((l) => /^\| [a-z]/.test(l) && l.includes('@'));
    const verdicts = rows.map((l) => l.split(' | ')[1]);
    expect(verdicts.indexOf('flaky')).toBeGreaterThan(verdicts.lastIndexOf('**failed**'));
    const severities = rows.filter((l) => l.includes('**failed**')).map((l) => l.split(' | ')[2]);
    expect(severities[0]).toBe('critical');
  });

  it('makes every executor- and scenario-supplied string inert: no image, link, HTML, emphasis or forged row', () => {
    const md = renderMarkdown(markupHostileReport());
    // A markup character counts only when no backslash escapes it.
    const live = (text: string) => new RegExp(`(?<!\\\\)${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
    for (const text of [
      '![',
      '](',
      '<img',
      '<details',
      '<http',
      '**bold**',
      '_em_',
      '~~gone~~',
      '`code`',
      'https://',
      'www.evil',
      '\n# forged',
      '\n- forged',
    ])
      expect(md).not.toMatch(live(text));
    // The text is still there, escaped, for a reader.
    expect(md).toContain('\\!\\[pwned\\]\\(http\\://127.0.0.1\\:9/track.png\\)');
    expect(md).toContain('\\<img src=x onerror="alert\\(1\\)"\\>');
    // Every row of a table has the header's number of cells: no forged column or row.
    const lines = md.split('\n');
    const start = lines.findIndex((l) => l.startsWith('| Case'));
    const table = lines.slice(start, lines.indexOf('', start));
    expect(table.length).toBe(2 + 6);
    for (const line of table) expect(cells(line)).toBe(6);
    expect(md).toContain('**The gate failed:**');
    expect(md).toContain('EXECUTOR\\_START\\_FAILED');
  });

  it('caps the case table', () => {
    const md = renderMarkdown(fixtureReport({ cases: 240, statusOf: () => 'failed' }));
    expect(md.split('\n').filter((l) => l.includes('**failed**')).length).toBe(MARKDOWN_CASE_ROWS);
    expect(md).toContain(`… and ${240 - MARKDOWN_CASE_ROWS} more in report.json.`);
  });

  it('escapes every ASCII punctuation character and keeps one line', () => {
    expect(escapeMarkdown(safeText('a*b\n# c', 100))).toBe('a\\*b # c');
    expect(escapeMarkdown(safeText('x'.repeat(50), 10))).toContain('40 more characters cut');
  });
});

import { describe, expect, it } from 'vitest';
import { fixtureReport } from '../testing/fixtures/reports/fixture-report.js';
import { markupHostileReport } from '../testing/fixtures/reports/markup-hostile-report.js';
import { escapeCommandData, escapeCommandProperty } from './escape-workflow-command.js';
import { ANNOTATIONS_PER_LEVEL, renderAnnotations } from './github-reporter.js';

const settings = { location: { uri: 'ci/gauntlet%20config.json', startLine: 4 } };

describe('github reporter', () => {
  it('annotates the gate, harness errors and each failed, errored and flaky case, pointing at the user file', () => {
    const report = fixtureReport({
      cases: 8,
      statusOf: (i) => (['failed', 'errored', 'flaky', 'passed'] as const)[i % 4]!,
    });
    report.gate = { passed: false, reasons: ['critical pass rate 0% < 100%'] };
    const lines = renderAnnotations(report, settings).trimEnd().split('\n');
    expect(lines[0]).toBe(
      '::error file=ci/gauntlet config.json,line=4,title=Gauntlet gate failed::critical pass rate 0% < 100%'
        .replace('0% <', '0%25 <')
        .replace('100%', '100%25'),
    );
    expect(lines.filter((l) => l.startsWith('::error ')).length).toBe(1 + 4);
    expect(lines.filter((l) => l.startsWith('::warning ')).length).toBe(2);
    expect(
      lines.find((l) => l.includes('title=failed%3A elevation-of-privilege.js.function-constructor-escape@javascript')),
    ).toBeDefined();
    expect(
      renderAnnotations({
        ...report,
        gate: { passed: true, reasons: [] },
        cases: report.cases.filter((c) => c.outcome.status === 'passed'),
      }),
    ).toBe('');
  });

  it('escapes hostile strings so they cannot end the command or forge another', () => {
    const out = renderAnnotations(markupHostileReport(), settings);
    const lines = out.trimEnd().split('\n');
    for (const line of lines) expect(line).toMatch(/^::(error|warning|notice) /);
    expect(lines.some((l) => l.startsWith('::error title=forged') || l.startsWith('::add-mask'))).toBe(false);
    // A literal "%0A" from the executor stays text: its % is encoded first.
    expect(out).toContain('100%250A');
    const titles = lines.map((l) => /title=(.*?)::/.exec(l)?.[1] ?? '');
    for (const title of titles) expect(title).not.toMatch(/[,:\n\r]/);
    expect(out).toContain('a%3Ab%2Cc=d');
  });

  it(`caps annotations at ${ANNOTATIONS_PER_LEVEL} per level and counts the rest in a notice`, () => {
    const report = fixtureReport({ cases: 30, statusOf: (i) => (i < 25 ? 'failed' : 'flaky') });
    report.gate = { passed: false, reasons: ['too many failures'] };
    const lines = renderAnnotations(report).trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('::error ')).length).toBe(ANNOTATIONS_PER_LEVEL);
    expect(lines.filter((l) => l.startsWith('::warning ')).length).toBe(5);
    expect(lines.at(-1)).toMatch(/^::notice title=Gauntlet::16 more error\(s\) and 0 more warning\(s\) not annotated/);
  });

  it('percent-encodes data and properties as GitHub decodes them', () => {
    expect(escapeCommandData('50% done\nnext', 100)).toBe('50%25 done%0Anext');
    expect(escapeCommandProperty('a:b,c', 100)).toBe('a%3Ab%2Cc');
  });
});

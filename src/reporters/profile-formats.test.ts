import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ProfileResult, Report } from '../report/generated/types.js';
import { gatedFixtureReport } from '../testing/fixtures/reports/gated-fixture.js';
import { xmllintErrors } from '../testing/xmllint.js';
import { renderHtml } from './html/render-html.js';
import { renderJunit } from './junit-reporter.js';
import { profileLines } from './profile-lines.js';
import { renderSarif } from './sarif-reporter.js';
import { unsupportedShare } from './unsupported-share.js';

const root = join(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'gauntlet-profile-formats-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * The fixture run judged against two profiles: core failed (with reasons) over every case,
 * sessions passed over the first two.
 */
function withProfiles(): Report {
  const report = gatedFixtureReport();
  const ids = report.cases.map((c) => c.case.id);
  const counts = { total: 2, passed: 2, failed: 0, errored: 0, unsupported: 0, flaky: 0 };
  const core: ProfileResult = {
    id: 'core',
    title: 'Core',
    promise: 'A pass means untrusted code stays in its box.',
    status: 'failed',
    languages: ['javascript', 'python'],
    counts: { ...report.summary.all },
    judged: 20,
    unsupportedShare: report.summary.all.unsupported / report.summary.all.total,
    notSelected: 0,
    requirements: [{ id: 'limits.memory', required: 'hard', declared: 'none', passed: false }],
    reasons: ['declares memory: none; profile core requires hard'],
    cases: ids,
  };
  const sessions: ProfileResult = {
    id: 'sessions',
    title: 'Sessions',
    promise: 'A pass means sessions stay apart.',
    status: 'passed',
    languages: ['javascript'],
    counts,
    judged: 2,
    unsupportedShare: 0,
    notSelected: 0,
    requirements: [],
    reasons: [],
    cases: ids.slice(0, 2),
  };
  return { ...report, profiles: [core, sessions] };
}

describe('profiles in every format', () => {
  it('console: a line per profile with each reason', () => {
    const text = profileLines(withProfiles(), (_c, t) => t);
    expect(text).toContain('profile core failed: 20 judged');
    expect(text).toContain('  ✗ declares memory: none; profile core requires hard');
    expect(text).toContain('profile sessions passed: 2 judged');
  });

  it('HTML: a badge per profile at the top, before the gate, with the promise and reasons', () => {
    const html = renderHtml(withProfiles());
    expect(html).toContain('<span class="verdict fail" data-profile="core">core: FAILED</span>');
    expect(html).toContain('<span class="verdict pass" data-profile="sessions">sessions: PASSED</span>');
    expect(html.indexOf('id="profiles"')).toBeLessThan(html.indexOf('id="gate"'));
    expect(html).toContain('declares memory: none; profile core requires hard');
    expect(html).toContain('A pass means sessions stay apart.');
  });

  it("HTML and console warn prominently when more than 20% of the profiles' cases were unsupported", () => {
    const report = withProfiles();
    const cases = report.cases.map((c, i) =>
      i % 3 === 0 ? { ...c, outcome: { status: 'unsupported' as const, reason: 'no python' } } : c,
    );
    const heavy = { ...report, cases };
    expect(unsupportedShare(heavy).warning).toMatch(
      /^\d+ of 24 cases of the profiles core, sessions \(\d+\.\d%\) were unsupported and not judged$/,
    );
    expect(renderHtml(heavy)).toContain('id="unsupported-warning"');
    expect(unsupportedShare(withProfiles()).warning).toBeUndefined();
    expect(renderHtml(withProfiles())).not.toContain('id="unsupported-warning"');
  });

  it('JUnit: a testsuite per profile with a testcase for its verdict, still valid against the schema', () => {
    const xml = renderJunit(withProfiles());
    expect(xml).toMatch(/<testsuite name="reference: profile core" tests="25" failures="\d+"/);
    expect(xml).toMatch(/<testsuite name="reference: profile sessions" tests="3" /);
    expect(xml).toContain(
      '<failure type="profile" message="profile core failed">' +
        'declares memory: none; profile core requires hard</failure>',
    );
    expect(xml).not.toContain('no profile');
    const file = join(dir, 'profiles.xml');
    writeFileSync(file, xml);
    expect(xmllintErrors(file, join(root, 'schemas/junit.xsd'))).toBe('');
  });

  it('SARIF: the profiles of each result and of the run in properties', () => {
    const sarif = renderSarif(withProfiles()) as {
      runs: Array<{
        results: Array<{ properties: { caseId: string; profiles?: string[] } }>;
        properties: { profiles?: Array<{ id: string; status: string }> };
      }>;
    };
    const [run] = sarif.runs;
    expect(run!.properties.profiles).toEqual([
      expect.objectContaining({ id: 'core', status: 'failed' }),
      expect.objectContaining({ id: 'sessions', status: 'passed' }),
    ]);
    expect(run!.results.length).toBeGreaterThan(0);
    for (const result of run!.results) expect(result.properties.profiles).toContain('core');
  });
});

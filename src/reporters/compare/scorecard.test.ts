import { describe, expect, it } from 'vitest';
import { fixtureReport, fixtureScenarios } from '../../testing/fixtures/reports/fixture-report.js';
import { buildScorecard } from './scorecard.js';

// Indexes 0-11 are the JavaScript cases of the twelve fixture scenarios, 12-23 the Python ones.
const isPython = (index: number) => index >= fixtureScenarios.length;

describe('buildScorecard', () => {
  it('shows a scenario as passed when the languages the executor runs passed and another is unsupported', () => {
    const card = buildScorecard([fixtureReport({ statusOf: (i) => (isPython(i) ? 'unsupported' : 'passed') })]);
    expect(new Set(Object.values(card.columns[0]!.scenarios))).toEqual(new Set(['passed']));
    expect(card.columns[0]!.overall).toEqual({ passing: 12, judged: 12 });
  });

  it('shows the worst judged verdict, and unsupported only when no language was judged', () => {
    const first = fixtureScenarios[0]!.id;
    const second = fixtureScenarios[1]!.id;
    const statusOf = (i: number) =>
      i === 0
        ? 'failed'
        : i === 1 || i === 13
          ? 'unsupported'
          : isPython(i)
            ? 'unsupported'
            : i === 2
              ? 'errored'
              : 'passed';
    const cells = buildScorecard([fixtureReport({ statusOf })]).columns[0]!.scenarios;
    expect(cells[first]).toBe('failed');
    expect(cells[second]).toBe('unsupported');
    expect(cells[fixtureScenarios[2]!.id]).toBe('errored');
  });
});

describe('scorecard profiles', () => {
  const profile = (id: string, status: 'passed' | 'failed' | 'partial', reasons: string[] = []) => ({
    id,
    title: id,
    promise: 'p',
    status,
    languages: ['javascript' as const],
    counts: { total: 3, passed: 3, failed: 0, errored: 0, unsupported: 0, flaky: 0 },
    judged: 3,
    unsupportedShare: 0,
    notSelected: 0,
    requirements: [],
    reasons,
    cases: [],
  });

  it('has a row per profile, with the first reason it failed, and flags an unsupported share above 20%', async () => {
    const { scorecardMarkdown } = await import('./render-scorecard.js');
    const reference = {
      ...fixtureReport({ target: 'reference', statusOf: () => 'passed' }),
      profiles: [profile('core', 'passed'), profile('sessions', 'passed')],
    };
    const weakRun = fixtureReport({
      target: 'adapter:weak',
      statusOf: (i) => (isPython(i) ? 'unsupported' : 'passed'),
    });
    const weak = {
      ...weakRun,
      profiles: [
        {
          ...profile('core', 'failed', ['declares memory: none; profile core requires hard', 'x']),
          cases: weakRun.cases.map((c) => c.case.id),
        },
      ],
    };
    const card = buildScorecard([reference, weak]);
    expect(card.profiles).toEqual(['core', 'sessions']);
    const md = scorecardMarkdown(card);
    expect(md).toContain(
      '| profile core | ✅ passed (3 judged) | ❌ failed: declares memory: none; profile core requires hard (+1 more) |',
    );
    expect(md).toContain('| profile sessions | ✅ passed (3 judged) | – |');
    expect(md).toMatch(/\| unsupported share \| 0\.0% \| ⚠️ \d+\.\d% \|/);
  });
});

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
    const statusOf = (i: number) => (i === 0 ? 'failed' : i === 1 || i === 13 ? 'unsupported' : isPython(i) ? 'unsupported' : i === 2 ? 'errored' : 'passed');
    const cells = buildScorecard([fixtureReport({ statusOf })]).columns[0]!.scenarios;
    expect(cells[first]).toBe('failed');
    expect(cells[second]).toBe('unsupported');
    expect(cells[fixtureScenarios[2]!.id]).toBe('errored');
  });
});

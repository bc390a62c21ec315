import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fuzzLane } from '../../lanes/fuzz/fuzz-lane.js';
import type { CaseResult, Report } from '../../report/generated/types.js';
import { defaultPolicy } from '../../protocol/default-policy.js';
import { loadScenarios } from '../../scenarios/load-scenarios.js';
import { scenarioSteps, stepControl } from '../../scenarios/scenario-steps.js';
import type { LoadedScenario } from '../../scenarios/loaded-scenario.js';
import { runTestSuite, testSuitePlan } from '../test-suite-plan.js';
import { echoAdversary, guessingAdversary, silentAdversary } from './echo-adversaries.js';
import { limitLiarAdversary } from './limit-liar.js';
import { inMemoryAdversaryTarget, type Adversary } from './serve-adversary.js';

const ROOT = join(import.meta.dirname, '../../..');
const catalogue = loadScenarios(join(ROOT, 'scenarios'));

/** Scenarios whose verdict rests on a limit error (timeout, resource, output_limit) or on output caps. */
const limitScenarios = catalogue.scenarios.filter(({ scenario }) =>
  scenario.expect.some(
    (e) =>
      e.oracle === 'output-capped' ||
      (e.oracle === 'error-type-is' &&
        (e.types ?? []).some((t) => t === 'timeout' || t === 'resource' || t === 'output_limit')),
  ),
);

/**
 * Cases whose every step is judged by a refusal (or nothing): an honest refusal is their evidence, no proof of
 * execution is asked.
 */
const refusalOnly = new Set(
  catalogue.scenarios
    .filter(({ scenario }) => !scenarioSteps(scenario).some((step) => stepControl(step) === 'marker'))
    .map(({ scenario }) => scenario.id),
);

/** Scenarios only a container executor can run (container-escape cases, container caps). */
const containerOnly = new Set(
  catalogue.scenarios
    .filter(({ scenario }) => scenario.requires?.capabilities?.includes('container-isolation'))
    .map(({ scenario }) => scenario.id),
);

const tally = (report: Report) =>
  Object.fromEntries(
    ['passed', 'failed', 'errored', 'unsupported', 'flaky'].map((s) => [
      s,
      report.cases.filter((c) => c.outcome.status === s).length,
    ]),
  );
const passedIds = (cases: readonly CaseResult[]) =>
  cases.filter((c) => c.outcome.status === 'passed').map((c) => c.case.id);

async function runCatalogue(adversary: Adversary, scenarios: readonly LoadedScenario[]): Promise<Report> {
  return runTestSuite(
    testSuitePlan(inMemoryAdversaryTarget(adversary), scenarios, { workers: 4, graceMs: 1000, name: adversary.name }),
  );
}

async function runFuzz(adversary: Adversary): Promise<Report> {
  const context = {
    seed: '0123456789abcdef',
    basePolicy: { ...defaultPolicy },
    graceMs: 1000,
    packageRoot: ROOT,
    cwd: ROOT,
    corpusRoot: join(ROOT, 'scenarios'),
    startedByGauntlet: true,
    scenarios: [],
    runArgs: [],
  };
  const plan = testSuitePlan(inMemoryAdversaryTarget(adversary), [], {
    workers: 1,
    graceMs: 1000,
    name: adversary.name,
  });
  return runTestSuite({ ...plan, cases: await fuzzLane.cases({ 'fuzz-runs': '3' }, context) });
}

describe('executors that do not run the code score zero', () => {
  it('the catalogue holds its scenarios', () => {
    expect(catalogue.issues).toEqual([]);
    expect(catalogue.scenarios.length).toBeGreaterThan(150);
    expect(limitScenarios.length).toBeGreaterThan(10);
  });

  for (const adversary of [silentAdversary, echoAdversary, guessingAdversary]) {
    it(`${adversary.name}: no case of the whole catalogue passes`, async () => {
      const report = await runCatalogue(adversary, catalogue.scenarios);
      const counts = tally(report);
      console.log(`${adversary.name}: ${report.cases.length} cases ${JSON.stringify(counts)}`);
      // Only an executor that refuses forged principals and foreign sessions honestly passes the
      // cases whose evidence is that refusal; none passes a case that asks for a proof.
      const passed = passedIds(report.cases);
      if (!adversary.honestTenancy) expect(passed).toEqual([]);
      expect(passed.filter((id) => !refusalOnly.has(id.split('@')[0]!))).toEqual([]);
      // Unsupported: cases for a container (every one of them: the adversary is no container) or an
      // executor Gauntlet starts itself, none judged.
      const unsupported = report.cases.filter((c) => c.outcome.status === 'unsupported').map((c) => c.case.id);
      expect(unsupported.filter((id) => !containerOnly.has(id.split('@')[0]!)).length).toBeLessThan(10);
      expect(report.gate.passed).toBe(false);
      // The survival probe computes its proof too: echoing the probe's code back is no survival.
      const probeFindings = report.cases
        .flatMap((c) => (c.outcome.status === 'failed' ? c.outcome.findings : []))
        .filter((f) => f.oracle === 'executor-survives');
      expect(probeFindings.length).toBeGreaterThan(0);
      for (const finding of probeFindings)
        expect(finding.message).toMatch(/probe's output lacks its proof of execution \(\d{16}\)/);
    }, 180_000);

    it(
      `${adversary.name}: no fuzz property passes; each is failed or, without evidence that code ` + `ran, errored`,
      async () => {
        const fuzz = await runFuzz(adversary);
        console.log(
          `${adversary.name} fuzz: ${JSON.stringify(tally(fuzz))} ` +
            `${fuzz.cases.map((c) => `${c.case.id}=${c.outcome.status}`).join(' ')}`,
        );
        expect(fuzz.cases.length).toBeGreaterThanOrEqual(7);
        // The Python cases of the five payload properties are judged too, and pass no more than the others.
        expect(
          fuzz.cases
            .filter((c) => c.case.id.endsWith('@python'))
            .map((c) => c.case.id)
            .sort(),
        ).toEqual(
          ['limit-memory', 'limit-output', 'limit-wall-time', 'redaction', 'session-isolation'].map(
            (p) => `fuzz/${p}@python`,
          ),
        );
        expect(passedIds(fuzz.cases)).toEqual([]);
        expect(fuzz.cases.filter((c) => c.outcome.status === 'unsupported').map((c) => c.case.id)).toEqual([]);
        expect(fuzz.cases.some((c) => c.outcome.status === 'failed')).toBe(true);
        expect(fuzz.gate.passed).toBe(false);
      },
      300_000,
    );
  }

  it(
    'limit-liar (runs the code, lies about limits): no case resting on a limit passes, each ' +
      'caught by the harness clock or its observations',
    async () => {
      const report = await runCatalogue(limitLiarAdversary, limitScenarios);
      const judged = report.cases.filter((c) => c.outcome.status !== 'unsupported');
      console.log(`limit-liar: ${report.cases.length} limit cases ${JSON.stringify(tally(report))}`);
      expect(judged.length).toBeGreaterThan(5);
      // A pass that rests on a limit claim (a step answered timeout, resource or output_limit) must
      // not survive the cross-checks. Its vm really has no file API and really cuts its output, so
      // cases contained by that (disk-fill answered 'fs is not defined', a truncated flood) may pass.
      const limitClaimed = (c: (typeof judged)[number]) =>
        c.attempts.some((a) =>
          a.steps.some((s) => ['timeout', 'resource', 'output_limit'].includes(s.errorType ?? '')),
        );
      expect(passedIds(judged.filter(limitClaimed))).toEqual([]);
      expect(judged.filter(limitClaimed).length).toBeGreaterThan(5);
      const implausible = judged.filter(
        (c) => c.outcome.status === 'failed' && c.outcome.findings.some((f) => f.oracle === 'limit-plausibility'),
      );
      expect(implausible.length).toBeGreaterThan(0);
    },
    180_000,
  );

  it('limit-liar: the fuzz lane fails it', async () => {
    const fuzz = await runFuzz(limitLiarAdversary);
    console.log(
      `limit-liar fuzz: ${JSON.stringify(tally(fuzz))} ` +
        `${fuzz.cases.map((c) => `${c.case.id}=${c.outcome.status}`).join(' ')}`,
    );
    expect(fuzz.cases.some((c) => c.outcome.status === 'failed')).toBe(true);
  }, 300_000);
});

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../report/generated/types.js';
import { loadScenarios } from '../scenarios/load-scenarios.js';
import type { LoadedScenario } from '../scenarios/loaded-scenario.js';
import { packageInfo } from '../config/package-root.js';
import { resolveTarget } from '../targets/resolve-target.js';
import { runTestSuite, testSuitePlan } from '../testing/test-suite-plan.js';

const root = packageInfo().root;
const corpus = loadScenarios(join(root, 'scenarios'));
/** The container-escape scenarios: those that apply only to executors with container isolation. */
const containerScenarios = corpus.scenarios.filter((s) => s.scenario.requires?.capabilities?.includes('container-isolation'));

async function runAgainst(spec: string, scenarios: readonly LoadedScenario[]): Promise<Report> {
  const target = await resolveTarget(spec, { packageRoot: root });
  return runTestSuite(testSuitePlan(target.spec, scenarios, { name: spec, workers: 2, graceMs: 3000 }));
}

function outcomes(report: Report): Record<string, string> {
  return Object.fromEntries(report.cases.map((c) => [c.case.id, c.outcome.status]));
}

/**
 * The container-escape scenarios against the reference executor's Docker backend: all pass
 * against the hardened containers, and each fails (never errors) against every docker-* fault
 * its calibration names. Needs the engine and gauntlet/runtime:bookworm; without them it fails.
 */
describe('container-escape scenarios on the Docker backend', () => {
  it('covers the container weaknesses of issue 8', () => {
    const ids = containerScenarios.map((s) => s.scenario.id.split('.').at(-1)).sort();
    expect(ids).toEqual(expect.arrayContaining(['added-capabilities', 'docker-socket', 'host-network', 'host-path-mount', 'host-pid-namespace', 'running-as-root']));
  });

  it('all pass against reference:backend=docker', { timeout: 240_000 }, async () => {
    const report = await runAgainst('reference:backend=docker', containerScenarios);
    expect(report.harnessErrors).toEqual([]);
    expect(Object.values(outcomes(report))).toHaveLength(containerScenarios.length);
    expect(outcomes(report)).toEqual(Object.fromEntries(report.cases.map((c) => [c.case.id, 'passed'])));
  });

  const calibrations = containerScenarios.flatMap((s) => s.scenario.calibration.failsWith.flatMap((w) => (w.fault ? [{ scenario: s, fault: w.fault }] : [])));
  for (const { scenario, fault } of calibrations) {
    it(`${scenario.scenario.id} fails under --fault ${fault}`, { timeout: 120_000 }, async () => {
      const report = await runAgainst(`reference:fault=${fault}`, [scenario]);
      expect(report.harnessErrors).toEqual([]);
      expect(report.cases.length).toBeGreaterThan(0);
      for (const result of report.cases) expect(result.outcome.status, JSON.stringify(result.outcome).slice(0, 800)).toBe('failed');
    });
  }
});

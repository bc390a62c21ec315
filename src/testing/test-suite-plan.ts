import { evaluateGate } from '../gate/evaluate-gate.js';
import { withGateDefaults } from '../gate/gate-defaults.js';
import type { GateConfig } from '../gate/generated/types.js';
import type { Report } from '../report/generated/types.js';
import { planCases } from '../lanes/scenario/plan-cases.js';
import { runTenants } from '../runner/run-tenants.js';
import { runSuite } from '../runner/run-suite.js';
import type { SuitePlan } from '../runner/suite-plan.js';
import type { Scenario } from '../scenarios/generated/types.js';
import { defaultPolicy } from '../protocol/default-policy.js';
import { lintScenarios } from '../scenarios/lint-scenarios.js';
import type { LoadedScenario } from '../scenarios/loaded-scenario.js';
import { scenarioValidator } from '../scenarios/scenario-validator.js';
import { formatIssues } from '../validation/schema-validator.js';
import type { Target, TargetSpec } from '../targets/target.js';

/** A schema-valid, lint-clean scenario for tests: `id` and what the test is about, the rest filled in. */
export function testScenario(
  id: string,
  fields: Partial<Scenario> & Pick<Scenario, 'payloads' | 'expect'>,
): LoadedScenario {
  const scenario = {
    id,
    title: `test scenario ${id}`,
    description: 'A scenario written by a test, to drive the runner.',
    stride: id.split('.')[0],
    severity: 'high',
    securitySeverity: 8,
    classification: { cwe: ['CWE-200'] },
    canaries: [],
    calibration: { failsWith: [{ executor: 'wide-open' }] },
    remediation: 'Not applicable: this scenario exists for a test.',
    ...fields,
  };
  const check = scenarioValidator().validate('Scenario', scenario);
  if (!check.ok) throw new Error(`test scenario ${id} is invalid: ${formatIssues(check.issues)}`);
  const loaded: LoadedScenario = {
    file: `${id.split('.').join('/')}.yaml`,
    absolutePath: `/test/${id}.yaml`,
    scenario: check.value,
    lineOf: () => undefined,
  };
  const { issues } = lintScenarios([loaded]);
  if (issues.length)
    throw new Error(`test scenario ${id} does not lint: ${issues.map((i) => `${i.pointer}: ${i.message}`).join('; ')}`);
  return loaded;
}

/** A suite plan over `scenarios` against `spec`, with a fixed seed and small defaults. */
export function testSuitePlan(
  spec: TargetSpec,
  scenarios: readonly LoadedScenario[],
  options: { workers?: number; retries?: number; graceMs?: number; name?: string; gate?: GateConfig } = {},
): SuitePlan {
  const seed = '0123456789abcdef0123456789abcdef';
  const graceMs = options.graceMs ?? 2000;
  const target: Target = { name: options.name ?? 'test', spec };
  return {
    runId: 'test-run',
    seed,
    command: 'gauntlet run (test)',
    harness: { name: 'gauntlet', version: '0.0.0-test', protocolVersion: '1.0' },
    target,
    corpus: { root: '/test', digest: '0'.repeat(64), scenarios: scenarios.length },
    cases: planCases(scenarios, { basePolicy: defaultPolicy, graceMs, startedByGauntlet: spec.startedByGauntlet }),
    options: { workers: options.workers ?? 2, retries: options.retries ?? 0, repeatEach: 1, graceMs, selection: {} },
    basePolicy: defaultPolicy,
    tenants: runTenants(seed, undefined),
    initializeDeadlineMs: 10_000,
    harnessErrors: [],
    replay: (id) => `gauntlet run --grep ${id}`,
    gate: (report) => {
      const today = new Date().toISOString().slice(0, 10);
      return evaluateGate(report.cases, { config: withGateDefaults(options.gate), today });
    },
  };
}

/** Runs a plan with no reporters. */
export function runTestSuite(plan: SuitePlan): Promise<Report> {
  return runSuite(plan, {});
}

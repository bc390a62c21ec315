import type { Language } from '../../protocol/generated/types.js';
import type { CaseInfo } from '../../report/generated/types.js';
import type { Scenario } from '../../scenarios/generated/types.js';
import type { LoadedScenario } from '../../scenarios/loaded-scenario.js';
import { mergePolicy } from '../../scenarios/merge-policy.js';
import { scenarioSteps } from '../../scenarios/scenario-steps.js';
import type { LaneContext } from '../../runner/lane.js';
import type { RunnableCase } from '../../runner/runnable-case.js';
import { PAUSE_SCALES, pausesForCancel } from './cancel-overtook-proof.js';
import { needsOwnExecutor } from './needs-own-executor.js';
import { runScenarioAttempt } from './run-scenario-attempt.js';
import { answerDeadline } from '../../runner/answer-deadline.js';

/** Time allowed besides the steps: planting canaries, starting a dedicated executor, probes. */
const SETUP_MS = 10_000;
const COLLECT_MS = 20_000;
const EXECUTOR_START_MS = 30_000;

/** What planning a scenario's cases needs from the run. */
export type ScenarioPlanning = Pick<LaneContext, 'basePolicy' | 'graceMs' | 'startedByGauntlet'>;

/** The runnable case of a scenario in one language. */
export function scenarioCase(loaded: LoadedScenario, language: Language, planning: ScenarioPlanning): RunnableCase {
  const { scenario } = loaded;
  const exclusive = (scenario.flags ?? []).includes('serial');
  const info: CaseInfo = {
    id: `${scenario.id}@${language}`,
    kind: 'scenario',
    lane: exclusive ? 'serial' : 'parallel',
    title: scenario.title,
    scenarioId: scenario.id,
    file: loaded.file,
    stride: scenario.stride,
    ...(scenario.strideSecondary ? { strideSecondary: scenario.strideSecondary } : {}),
    severity: scenario.severity,
    securitySeverity: scenario.securitySeverity,
    classification: scenario.classification,
    language,
    tags: scenario.tags ?? [],
    remediation: scenario.remediation,
    description: scenario.description,
    ...(scenario.references?.length ? { references: [...scenario.references] } : {}),
  };
  const cost = (scenario.flags ?? []).includes('waits') ? 'wait' : 'cpu';
  return {
    info,
    deadlineMs: caseDeadline(scenario, planning),
    exclusive,
    cost,
    run: (context) => runScenarioAttempt(loaded, language, context),
  };
}

/** The languages a scenario runs in: its payloads', narrowed by requires.languages. */
export function scenarioLanguages(scenario: Scenario): Language[] {
  return scenario.requires?.languages ?? (Object.keys(scenario.payloads) as Language[]);
}

/** The scenario's own deadline, or the sum of its steps' deadlines plus setup; tripled when slow. */
function caseDeadline(scenario: Scenario, { basePolicy, graceMs, startedByGauntlet }: ScenarioPlanning): number {
  if (scenario.deadlineMs !== undefined) return scenario.deadlineMs;
  const steps = scenarioSteps(scenario).reduce(
    (sum, step) =>
      sum +
      (step.repeat ?? 1) *
        ((step.afterMs ?? 0) +
          (step.deadlineMs ??
            answerDeadline(mergePolicy(basePolicy, scenario.policy, step.policy).wallTimeMs, graceMs))),
    0,
  );
  // Steps whose cancel may overtake the code run once per pause scale, each time with longer pauses.
  const pauses = scenarioSteps(scenario).reduce((sum, step) => sum + (step.repeat ?? 1) * (step.afterMs ?? 0), 0);
  const tries = pausesForCancel(scenario)
    ? PAUSE_SCALES.reduce((sum, scale) => sum + steps + pauses * (scale - 1), 0)
    : steps;
  const dedicated = needsOwnExecutor(scenario, { startedByGauntlet });
  const total = tries + SETUP_MS + COLLECT_MS + (dedicated ? EXECUTOR_START_MS : 0);
  return (scenario.flags ?? []).includes('slow') ? total * 3 : total;
}

import type { LoadedScenario } from '../../scenarios/loaded-scenario.js';
import type { RunnableCase } from '../../runner/runnable-case.js';
import { scenarioCase, scenarioLanguages, type ScenarioPlanning } from './scenario-case.js';

/** One case per scenario and language, sorted by id. */
export function planCases(scenarios: readonly LoadedScenario[], planning: ScenarioPlanning): RunnableCase[] {
  return scenarios
    .flatMap((loaded) => scenarioLanguages(loaded.scenario).map((language) => scenarioCase(loaded, language, planning)))
    .sort((a, b) => (a.info.id < b.info.id ? -1 : a.info.id > b.info.id ? 1 : 0));
}

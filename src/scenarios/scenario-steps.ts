import type { Scenario, Step } from './generated/types.js';

/** The step a scenario without `steps` runs: one execute of its payloads, as the attacker. */
export const DEFAULT_STEP: Step = Object.freeze({ id: 'attack' });

/** The steps of a scenario, with the single default step when it declares none. */
export function scenarioSteps(scenario: Scenario): readonly Step[] {
  return scenario.steps ?? [DEFAULT_STEP];
}

/** True when the step executes the scenario's payloads (as opposed to its own code or a session action). */
export function runsPayloads(step: Step): boolean {
  return (step.action ?? 'execute') === 'execute' && step.code === undefined;
}

/** The positive control of a step: explicit, else marker for payload steps and none for the rest. */
export function stepControl(step: Step): NonNullable<Step['control']> {
  return step.control ?? (runsPayloads(step) ? 'marker' : 'none');
}

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

/** One request the steps send: a step, and for a repeated step which of its rounds (from 1). */
export interface StepSend {
  step: Step;
  round?: number;
}

/**
 * The requests of a scenario in the order they are sent. A run of consecutive steps with the same `repeat` is sent
 * in rounds, every other round reversed (a b, b a, a b, ...): the steps' timings interleave, and a cost that falls on
 * whichever request comes first or second in a round (a cache warmed, a buffer flushed) falls on both steps alike.
 */
export function stepSends(scenario: Scenario): StepSend[] {
  const steps = scenarioSteps(scenario);
  const sends: StepSend[] = [];
  for (let start = 0; start < steps.length;) {
    const repeat = steps[start]!.repeat;
    let end = start + 1;
    while (repeat !== undefined && end < steps.length && steps[end]!.repeat === repeat) end++;
    const run = steps.slice(start, end);
    if (repeat === undefined) sends.push({ step: run[0]! });
    else
      for (let round = 1; round <= repeat; round++)
        for (const step of round % 2 === 1 ? run : [...run].reverse()) sends.push({ step, round });
    start = end;
  }
  return sends;
}

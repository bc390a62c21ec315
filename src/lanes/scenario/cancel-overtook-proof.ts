import type { StepObservation } from '../../oracles/observation.js';
import type { Scenario } from '../../scenarios/generated/types.js';
import { scenarioSteps } from '../../scenarios/scenario-steps.js';

/**
 * Pause scales of a case's steps, one per try. A cancel step waits `afterMs` on the harness's
 * clock for the code it addresses to start; on a loaded machine a cold runtime may take longer,
 * and a cancel that lands before the code showed its proof proves nothing either way. The steps
 * then run again with every pause doubled: the executor is given the time it needed, and the
 * verdict still rests on a run in which the code was seen to run.
 */
export const PAUSE_SCALES: readonly number[] = [1, 2, 4];

/**
 * Whether one of the harness's own cancels overtook the code it addressed: an execution that had
 * to show its proof ended `cancelled` without it, and a cancel step of the same tenant named its
 * id. Another tenant's cancel is an attack, never retried: that it stopped the code is the finding.
 */
export function cancelOvertookProof(steps: readonly StepObservation[]): boolean {
  const ownCancel = (target: StepObservation) =>
    steps.some((c) => c.action === 'cancel' && c.cancels === target.executionId && c.tenant === target.tenant);
  return steps.some(
    (s) =>
      s.executionId !== undefined &&
      ownCancel(s) &&
      s.control === 'marker' &&
      !s.proofSeen &&
      s.answer.kind === 'result' &&
      s.answer.result.status === 'error' &&
      s.answer.result.error.type === 'cancelled',
  );
}

/** Whether a scenario has a cancel step that waits for code to get going (and so may need more tries). */
export function pausesForCancel(scenario: Scenario): boolean {
  return scenarioSteps(scenario).some((s) => s.action === 'cancel' && (s.afterMs ?? 0) > 0);
}

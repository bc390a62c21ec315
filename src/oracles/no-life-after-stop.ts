import { setTimeout as delay } from 'node:timers/promises';
import { makeFinding } from './make-finding.js';
import type { OracleFor } from './oracle.js';

/**
 * A stopped execution is gone: its code no longer reaches the harness's listener once the
 * harness has its answer (a timeout, a cancel, a kill). The payload heart-beats to the listener
 * until it is stopped; a contact later than graceMs after the answer, on the harness clock, shows
 * a process (or a child of it) that outlived its stop and still holds a core. The harness goes
 * on listening for watchMs after the steps, so a survivor has time to show itself.
 */
export const noLifeAfterStop: OracleFor<'no-life-after-stop'> = {
  name: 'no-life-after-stop',
  description: 'nothing of a stopped execution contacts the harness after its answer',
  requires: [],
  async collect(_context, expectation): Promise<undefined> {
    await delay(expectation.watchMs ?? 3000);
    return undefined;
  },
  judge(observation, expectation) {
    const step = observation.steps.find((s) => (expectation.step ? s.id === expectation.step : s.runsPayloads));
    // Without an answer there is no stop to outlive: the case errors on the step.
    if (!step || step.answer.kind === 'skipped' || step.answer.kind === 'no-answer') return [];
    const answeredAt = step.startedAt + step.elapsedMs;
    const bound = answeredAt + (expectation.graceMs ?? 1000);
    const late = observation.listenerHits.filter((hit) => hit.at > bound);
    if (late.length === 0) return [];
    const last = late.at(-1)!;
    const observed =
      `${late.length} contacts after the answer, the last ${Math.round(last.at - answeredAt)} ms ` + `after it`;
    return [
      makeFinding(
        'no-life-after-stop',
        `the code of step ${step.id} lived on after its answer: the listener heard from it ${observed}`,
        last.at,
        {
          channel: 'listener',
          step: step.id,
          excerpt: last.data,
          expected: `no contact later than ${expectation.graceMs ?? 1000} ms after the answer`,
          observed,
        },
      ),
    ];
  },
};

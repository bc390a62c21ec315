import { makeFinding } from './make-finding.js';
import type { OracleFor } from './oracle.js';

/** Each execute step (or the named one) is answered within its bound on the harness clock. */
export const completesWithin: OracleFor<'completes-within'> = {
  name: 'completes-within',
  description: "every execution is answered within its wall-time budget plus grace, on the harness's clock",
  requires: [],
  judge(observation, expectation) {
    return observation.steps
      .filter(
        (step) =>
          step.action === 'execute' &&
          step.answer.kind !== 'skipped' &&
          (!expectation.step || step.id === expectation.step),
      )
      .flatMap((step) => {
        const bound = expectation.ms ?? step.policy.wallTimeMs + (expectation.graceMs ?? 1000);
        // Silence past the bound is a finding; silence cut short before it (the case's deadline)
        // proves nothing, and the case errors for the missing answer instead.
        const unanswered = step.answer.kind === 'no-answer';
        if (step.elapsedMs <= bound) return [];
        const observed = unanswered
          ? `no answer after ${Math.round(step.elapsedMs)} ms`
          : `${Math.round(step.elapsedMs)} ms`;
        return [
          makeFinding(
            'completes-within',
            `step ${step.id} took longer than ${bound} ms: ${observed}`,
            step.startedAt + step.elapsedMs,
            { channel: 'harness-clock', step: step.id, expected: `at most ${bound} ms`, observed },
          ),
        ];
      });
  },
};

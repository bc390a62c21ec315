import { makeFinding } from './make-finding.js';
import type { StepObservation } from './observation.js';
import type { OracleFor } from './oracle.js';

/**
 * After the attacker's foreign destroy or cancel, the victim's listed steps (a follow-up probe in
 * its session, or the execution the attacker tried to stop) still ran to the end: each ended with
 * an ok result whose output shows the proof of execution only running the code reveals. What the
 * executor answered the attacker is not the evidence; what the victim can still do is.
 */
export const victimUnharmed: OracleFor<'victim-unharmed'> = {
  name: 'victim-unharmed',
  description: "the victim's session or execution still works after the attacker's foreign destroy or cancel",
  requires: [],
  judge(observation, expectation) {
    return expectation.steps.flatMap((id) => {
      const step = observation.steps.find((s) => s.id === id);
      const harm = step ? harmDone(step) : undefined;
      if (!step || harm === undefined) return [];
      const at = step.startedAt + step.elapsedMs;
      return [
        makeFinding(
          'victim-unharmed',
          `the victim's step ${step.id} no longer works after the attacker's request: ${harm}`,
          at,
          {
            channel: step.answer.kind === 'rpc-error' ? 'rpc-error' : 'result',
            step: step.id,
            expected: `an ok result showing the proof of execution ${observation.proofs.before}`,
            observed: harm.slice(0, 500),
          },
        ),
      ];
    });
  },
};

/** What went wrong with the victim's step, or undefined when it worked (or could not be judged). */
function harmDone(step: StepObservation): string | undefined {
  const { answer } = step;
  switch (answer.kind) {
    case 'result':
      if (answer.result.status === 'error')
        return `it ended with ${answer.result.error.type}: ${answer.result.error.message.slice(0, 200)}`;
      return step.proofSeen ? undefined : 'its output lacks the proof of execution';
    case 'rpc-error':
      return `it was refused with JSON-RPC error ${answer.code}: ${answer.message.slice(0, 200)}`;
    // The linter keeps session, audit and cancel steps out; no answer at all errors the case.
    case 'session':
    case 'audit':
    case 'cancel':
    case 'no-answer':
    case 'closed':
    case 'invalid':
    case 'skipped':
      return undefined;
  }
}

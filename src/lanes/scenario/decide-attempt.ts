import type { Observation, StepObservation } from '../../oracles/observation.js';
import { ErrorCodes } from '../../protocol/generated/error-codes.js';
import type { AttemptStatus, Finding } from '../../report/generated/types.js';

/** The status of one attempt and, unless it passed or failed, why. */
export interface AttemptVerdict {
  status: AttemptStatus;
  reason?: string;
}

/**
 * Decides an attempt from its findings and observation:
 * 1. Any finding: failed. Evidence of a weakness stands even if other parts could not be judged.
 * 2. A step refused with UnsupportedPolicy: unsupported (the executor failed closed). Except a
 *    step whose control allows a refusal, once another step of the case ran: the executor then
 *    enforces the case's policy, and refusing that step is an outcome the scenario accepts.
 * 3. A step without an answer: errored.
 * 4. A missing positive control: errored ("nothing leaked" from a payload that never ran is no pass).
 * 5. A payload that prints a second proof past its attack point but whose output lacks it:
 *    errored (it stopped before the attack, say on a missing API, so the attack was not tried).
 * 6. Otherwise: passed.
 */
export function decideAttempt(observation: Observation, findings: readonly Finding[]): AttemptVerdict {
  if (findings.length > 0) return { status: 'failed' };
  const ran = observation.steps.some((s) => s.answer.kind === 'result');
  const refused = observation.steps.find(
    (s) =>
      s.answer.kind === 'rpc-error' &&
      s.answer.code === ErrorCodes.UnsupportedPolicy &&
      !(s.control === 'refusal' && ran),
  );
  if (refused?.answer.kind === 'rpc-error')
    return {
      status: 'unsupported',
      reason:
        `the executor refused the policy of step ${refused.id} as unenforceable: ` +
        `${refused.answer.message.slice(0, 300)}`,
    };
  const incomplete = observation.steps.find(
    (s) => s.answer.kind === 'no-answer' || s.answer.kind === 'closed' || s.answer.kind === 'invalid',
  );
  if (incomplete) return { status: 'errored', reason: `step ${incomplete.id}: ${describeIncomplete(incomplete)}` };
  const uncontrolled = observation.steps.find((s) => !controlHeld(s));
  if (uncontrolled)
    return {
      status: 'errored',
      reason:
        `positive control missing: step ${uncontrolled.id} never showed its proof of ` +
        `execution, so the attack cannot be shown to have run (${answerSummary(uncontrolled)})`,
    };
  const stopped = observation.steps.find((s) => s.control === 'marker' && s.afterProof && !s.afterProof.seen);
  if (stopped)
    return {
      status: 'errored',
      reason:
        `attack point not reached: step ${stopped.id} showed its first proof of execution but ` +
        `not the one after its attack, so the attack cannot be shown to have been tried ` +
        `(${answerSummary(stopped, 'it ran, but its output lacks the proof after the attack')})`,
    };
  return { status: 'passed' };
}

function controlHeld(step: StepObservation): boolean {
  switch (step.control) {
    case 'none':
      return true;
    case 'marker':
      return step.proofSeen;
    case 'refusal':
      return (
        step.proofSeen ||
        step.answer.kind === 'rpc-error' ||
        (step.answer.kind === 'result' && step.answer.result.status === 'error')
      );
  }
}

function describeIncomplete(step: StepObservation): string {
  const { answer } = step;
  switch (answer.kind) {
    case 'no-answer':
      return `the executor did not answer within ${answer.deadlineMs} ms`;
    case 'closed':
      return `the connection closed before the answer: ${answer.reason}`;
    case 'invalid':
      return `the answer broke the protocol: ${answer.detail}`;
    default:
      return answer.kind;
  }
}

function answerSummary(step: StepObservation, ran = 'it ran, but its output lacks the proof of execution'): string {
  const { answer } = step;
  if (answer.kind === 'rpc-error')
    return `it was refused with JSON-RPC error ${answer.code}: ${answer.message.slice(0, 200)}`;
  if (answer.kind === 'result' && answer.result.status === 'error')
    return `it ended with ${answer.result.error.type}: ${answer.result.error.message.slice(0, 200)}`;
  if (answer.kind === 'skipped') return `it was skipped: ${answer.reason}`;
  return ran;
}

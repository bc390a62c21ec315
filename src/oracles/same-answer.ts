import { makeFinding } from './make-finding.js';
import type { StepAnswer } from './observation.js';
import type { OracleFor } from './oracle.js';

/** Members of an error's data that differ between any two requests without saying anything about the target. */
const VOLATILE_DATA = new Set(['auditIds']);

/**
 * The listed steps got answers a caller cannot tell apart: a tenant probing another tenant's
 * session must get exactly what an id that never existed gets (same kind, code, message, data).
 */
export const sameAnswer: OracleFor<'same-answer'> = {
  name: 'same-answer',
  description: "answers to another tenant's ids and to unknown ids are indistinguishable",
  requires: [],
  judge(observation, expectation) {
    const steps = expectation.steps
      .map((id) => observation.steps.find((s) => s.id === id))
      .filter((s) => s !== undefined);
    const keyed = steps.map((step) => ({ step, key: answerKey(step.answer) })).filter((k) => k.key !== undefined);
    // Steps without an answer are not this oracle's call: the case errors on them.
    if (keyed.length !== steps.length || keyed.length < 2) return [];
    const [first, ...rest] = keyed;
    return rest
      .filter((other) => other.key !== first!.key)
      .map((other) =>
        makeFinding(
          'same-answer',
          `steps ${first!.step.id} and ${other.step.id} got answers a tenant can tell apart, so it ` +
            `can learn which ids exist: ${first!.key} versus ${other.key}`,
          other.step.startedAt + other.step.elapsedMs,
          {
            channel: other.step.answer.kind === 'rpc-error' ? 'rpc-error' : 'result',
            step: other.step.id,
            expected: first!.key,
            observed: other.key!,
          },
        ),
      );
  },
};

/** What a caller can see of an answer, as one comparable string; undefined when there was none. */
function answerKey(answer: StepAnswer): string | undefined {
  switch (answer.kind) {
    case 'rpc-error':
      return `JSON-RPC error ${answer.code} "${answer.message}" ${JSON.stringify(stableData(answer.data)) ?? ''}`;
    case 'result':
      return answer.result.status === 'ok'
        ? 'a result (the request was accepted)'
        : `a result with error ${answer.result.error.type} "${answer.result.error.message}"`;
    case 'session':
      return 'a session answer (the request was accepted)';
    case 'audit':
      return `an audit answer with ${answer.entries.length} entries`;
    case 'cancel':
      return `a cancel answer (cancelled: ${answer.cancelled})`;
    case 'no-answer':
    case 'closed':
    case 'invalid':
    case 'skipped':
      return undefined;
  }
}

function stableData(data: unknown): unknown {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return data;
  return Object.fromEntries(Object.entries(data).filter(([key]) => !VOLATILE_DATA.has(key)));
}

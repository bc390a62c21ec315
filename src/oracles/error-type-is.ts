import { makeFinding } from './make-finding.js';
import type { ExecuteResult, ExecutionErrorType } from '../protocol/generated/types.js';
import type { StepAnswer } from './observation.js';
import type { OracleFor } from './oracle.js';

/**
 * The step ends with one of the expected execution error types or JSON-RPC error codes; or, for
 * attacks an absent API or a refused system call stops, with one of `alsoContained` while the
 * payload never printed its `breachText` (the clock and the executor are other oracles' evidence).
 */
export const errorTypeIs: OracleFor<'error-type-is'> = {
  name: 'error-type-is',
  description: 'the step ends with the expected error type or JSON-RPC error code',
  requires: [],
  judge(observation, expectation) {
    const step = observation.steps.find((s) => (expectation.step ? s.id === expectation.step : s.runsPayloads));
    if (!step) return [];
    const { answer } = step;
    const types: readonly string[] = expectation.types ?? [];
    const codes: readonly number[] = expectation.rpcCodes ?? [];
    if (answer.kind === 'result' && answer.result.status === 'error' && types.includes(answer.result.error.type))
      return [];
    if (answer.kind === 'rpc-error' && codes.includes(answer.code)) return [];
    if (
      answer.kind === 'result' &&
      answer.result.status === 'error' &&
      contained(answer.result, expectation.alsoContained, expectation.breachText)
    )
      return [];
    const observed = describe(answer);
    // No answer at all is not this oracle's call: the case errors, or completes-within judges it.
    if (observed === undefined) return [];
    const unlessBreached = expectation.breachText
      ? ` without ${JSON.stringify(expectation.breachText)} in the output`
      : '';
    const alsoContained = expectation.alsoContained
      ? `an error of type ${expectation.alsoContained.join(' or ')}${unlessBreached}`
      : '';
    const expected = [
      types.length ? `an error of type ${types.join(' or ')}` : '',
      codes.length ? `JSON-RPC error ${codes.join(' or ')}` : '',
      alsoContained,
    ]
      .filter(Boolean)
      .join(', or ');
    return [
      makeFinding(
        'error-type-is',
        `step ${step.id} ended with ${observed}, expected ${expected}`,
        step.startedAt + step.elapsedMs,
        { channel: answer.kind === 'rpc-error' ? 'rpc-error' : 'result', step: step.id, expected, observed },
      ),
    ];
  },
};

function describe(answer: StepAnswer): string | undefined {
  switch (answer.kind) {
    case 'result':
      return answer.result.status === 'ok' ? 'success' : `an error of type ${answer.result.error.type}`;
    case 'rpc-error':
      return `JSON-RPC error ${answer.code} (${answer.message.slice(0, 100)})`;
    case 'session':
      return 'a session answer';
    case 'audit':
      return `an audit answer with ${answer.entries.length} entries`;
    case 'cancel':
      return `a cancel answer (cancelled: ${answer.cancelled})`;
    case 'invalid':
    case 'no-answer':
    case 'closed':
    case 'skipped':
      return undefined;
  }
}

function contained(
  result: ExecuteResult,
  types: readonly ExecutionErrorType[] | undefined,
  breachText: string | undefined,
): boolean {
  if (result.status !== 'error' || !types?.includes(result.error.type)) return false;
  return (
    breachText === undefined || !(result.stdout.text.includes(breachText) || result.stderr.text.includes(breachText))
  );
}

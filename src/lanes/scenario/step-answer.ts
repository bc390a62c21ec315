import { HarnessErrorCode, isHarnessError } from '../../errors/harness-error.js';
import { RpcError } from '../../protocol/rpc-error.js';
import type { StepAnswer } from '../../oracles/observation.js';
import type { ExecutorLease } from '../../runner/executor-lease.js';

/**
 * Turns a failed request into what the harness observed: a refusal, silence, a closed
 * connection, or an answer that broke the protocol. Silence taints the executor, so no other case
 * runs on it. Anything else is a fault of the harness and is rethrown.
 */
export function stepAnswerOf(error: unknown, deadlineMs: number, lease: ExecutorLease): StepAnswer {
  if (error instanceof RpcError)
    return {
      kind: 'rpc-error',
      code: error.code,
      message: error.message,
      ...(error.data === undefined ? {} : { data: error.data }),
    };
  if (isHarnessError(error, HarnessErrorCode.DeadlineExceeded, HarnessErrorCode.RequestCancelled)) {
    lease.taint(`no answer within ${deadlineMs} ms`);
    return { kind: 'no-answer', deadlineMs };
  }
  if (isHarnessError(error, HarnessErrorCode.TransportClosed)) return { kind: 'closed', reason: error.message };
  if (isHarnessError(error, HarnessErrorCode.MessageTooLarge))
    return { kind: 'invalid', detail: error.message, tooLarge: true };
  if (isHarnessError(error, HarnessErrorCode.ResponseInvalid))
    return { kind: 'invalid', detail: error.message, tooLarge: false };
  throw error;
}

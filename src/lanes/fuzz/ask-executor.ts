import { HarnessErrorCode, isHarnessError } from '../../errors/harness-error.js';
import { ErrorCodes } from '../../protocol/generated/error-codes.js';
import type { RequestMap, RequestMethod } from '../../protocol/generated/methods.js';
import { RpcError } from '../../protocol/rpc-error.js';
import type { ExecutorConnection } from '../../targets/executor-connection.js';

/** What the harness saw of one request, timed on its own clock. */
export type Answer<R> =
  | { kind: 'result'; result: R; elapsedMs: number }
  | { kind: 'rpc-error'; code: number; message: string; data?: unknown; elapsedMs: number }
  | { kind: 'no-answer'; deadlineMs: number; elapsedMs: number }
  | { kind: 'closed'; reason: string; elapsedMs: number }
  | { kind: 'invalid'; detail: string; elapsedMs: number };

/** How often, and how long at most, a rate-limited request is tried again. */
const RATE_LIMIT_RETRIES = 5;
const MAX_RETRY_WAIT_MS = 2000;

/**
 * Sends one request and returns what came back as data. A RateLimited refusal is not what a
 * property is about, so the request is sent again after the advised wait (bounded). Only faults
 * of the harness itself are thrown.
 */
export async function askExecutor<M extends RequestMethod>(
  connection: ExecutorConnection,
  method: M,
  params: RequestMap[M]['params'],
  deadlineMs: number,
  signal?: AbortSignal,
): Promise<Answer<RequestMap[M]['result']>> {
  for (let attempt = 0; ; attempt++) {
    const answer = await once(connection, method, params, deadlineMs, signal);
    if (answer.kind !== 'rpc-error' || answer.code !== ErrorCodes.RateLimited || attempt >= RATE_LIMIT_RETRIES)
      return answer;
    const advised = Number((answer.data as { retryAfterMs?: unknown } | undefined)?.retryAfterMs);
    await sleep(Math.min(MAX_RETRY_WAIT_MS, Number.isFinite(advised) && advised > 0 ? advised : 100), signal);
  }
}

async function once<M extends RequestMethod>(
  connection: ExecutorConnection,
  method: M,
  params: RequestMap[M]['params'],
  deadlineMs: number,
  signal?: AbortSignal,
): Promise<Answer<RequestMap[M]['result']>> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const result = await connection.request(method, params, deadlineMs, signal);
    return { kind: 'result', result, elapsedMs: elapsed() };
  } catch (error) {
    if (error instanceof RpcError)
      return {
        kind: 'rpc-error',
        code: error.code,
        message: error.message,
        ...(error.data === undefined ? {} : { data: error.data }),
        elapsedMs: elapsed(),
      };
    if (isHarnessError(error, HarnessErrorCode.DeadlineExceeded))
      return { kind: 'no-answer', deadlineMs, elapsedMs: elapsed() };
    if (isHarnessError(error, HarnessErrorCode.TransportClosed))
      return { kind: 'closed', reason: error.message, elapsedMs: elapsed() };
    if (isHarnessError(error, HarnessErrorCode.MessageTooLarge, HarnessErrorCode.ResponseInvalid))
      return { kind: 'invalid', detail: error.message, elapsedMs: elapsed() };
    throw error;
  }
}

/** Waits `ms`, or less when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}

/** One line describing an answer, for evidence. */
export function describeAnswer(answer: Answer<unknown>): string {
  switch (answer.kind) {
    case 'result':
      return `result ${JSON.stringify(answer.result).slice(0, 400)}`;
    case 'rpc-error':
      return `JSON-RPC error ${answer.code}: ${answer.message.slice(0, 300)}`;
    case 'no-answer':
      return `no answer within ${answer.deadlineMs} ms`;
    case 'closed':
      return `the connection closed: ${answer.reason.slice(0, 300)}`;
    case 'invalid':
      return `an answer that broke the protocol: ${answer.detail.slice(0, 300)}`;
  }
}

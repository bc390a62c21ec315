import { DEFAULT_MAX_DEPTH, nestingExceeds } from '../../protocol/peer.js';
import type { ExecutorConnection } from '../../targets/executor-connection.js';
import type { Answer } from './ask-executor.js';

let requests = 0;

/**
 * Sends a request the harness's own validation would stop (a negative wall time, a fractional
 * size), as a raw frame with its own id, and waits for the matching response on the wire. The
 * result is returned as received, unvalidated: only the property judges it.
 */
export function rawRequest(
  connection: ExecutorConnection,
  method: string,
  params: unknown,
  deadlineMs: number,
  signal?: AbortSignal,
): Promise<Answer<unknown>> {
  const id = `fz-rq-${process.pid}-${++requests}`;
  const transport = connection.peer.transport;
  const deliver = transport.onmessage;
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    const finish = (answer: Answer<unknown>) => {
      clearTimeout(timer);
      clearInterval(watch);
      signal?.removeEventListener('abort', onAbort);
      if (transport.onmessage === listen) transport.onmessage = deliver;
      resolve(answer);
    };
    const listen = (frame: string) => {
      deliver?.(frame);
      if (!frame.includes(id)) return;
      try {
        const message = JSON.parse(frame) as {
          id?: unknown;
          result?: unknown;
          error?: { code: number; message: string; data?: unknown };
        };
        if (message.id !== id) return;
        // Measured before anything walks it: the peer has recorded the too-deep violation already.
        if (nestingExceeds(message, DEFAULT_MAX_DEPTH))
          return finish({
            kind: 'invalid',
            detail: `the answer nests arrays and objects deeper than ${DEFAULT_MAX_DEPTH} levels (too-deep)`,
            elapsedMs: elapsed(),
          });
        if (message.error)
          finish({
            kind: 'rpc-error',
            code: message.error.code,
            message: String(message.error.message),
            ...(message.error.data === undefined ? {} : { data: message.error.data }),
            elapsedMs: elapsed(),
          });
        else finish({ kind: 'result', result: message.result, elapsedMs: elapsed() });
      } catch {
        // Not JSON: the peer records the violation; it is not this request's answer.
      }
    };
    const onAbort = () => finish({ kind: 'no-answer', deadlineMs, elapsedMs: elapsed() });
    transport.onmessage = listen;
    const timer = setTimeout(onAbort, deadlineMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    // The peer learns of a closed transport first; poll its state rather than replace its handler.
    const watch = setInterval(
      () => connection.closed && finish({ kind: 'closed', reason: connection.closed.reason, elapsedMs: elapsed() }),
      50,
    );
    connection.peer.expectRawAnswer(id);
    connection.peer
      .sendRaw(JSON.stringify({ jsonrpc: '2.0', id, method, params }))
      .catch((error: unknown) => finish({ kind: 'closed', reason: String(error), elapsedMs: elapsed() }));
  });
}

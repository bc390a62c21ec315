import { describe, expect, it } from 'vitest';
import { isHarnessError } from '../errors/harness-error.js';
import { executeParams, testPrincipal } from '../testing/protocol-fixtures.js';
import { InMemoryTransport } from '../transports/in-memory-transport.js';
import { ErrorCodes } from './generated/error-codes.js';
import type { ExecuteResult } from './generated/types.js';
import { Peer } from './peer.js';
import { isRpcError } from './rpc-error.js';

function okResult(text: string, result?: unknown): ExecuteResult {
  return {
    status: 'ok',
    executionId: 'e-1',
    stdout: { text, truncated: false, bytes: text.length },
    stderr: { text: '', truncated: false, bytes: 0 },
    ...(result === undefined ? {} : { result }),
    resultTruncated: false,
    toolCalls: [],
    usage: { wallMs: 1 },
    redactions: 0,
    auditIds: [],
  };
}

async function connected(maxMessageBytes?: number) {
  const [a, b] = InMemoryTransport.pair(maxMessageBytes);
  const harness = new Peer(a, { role: 'harness', defaultDeadlineMs: 2000 });
  const executor = new Peer(b, { role: 'executor', defaultDeadlineMs: 2000 });
  await harness.start();
  await executor.start();
  return { harness, executor, harnessEnd: a, executorEnd: b };
}

/** Collects the frames one side receives, without a peer on it. */
function rawEnd(end: InMemoryTransport): string[] {
  const frames: string[] = [];
  end.onmessage = (f) => frames.push(f);
  return frames;
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('Peer', () => {
  it('round-trips a request and its typed result', async () => {
    const { harness, executor } = await connected();
    executor.setRequestHandler('ping', async () => ({}));
    await expect(harness.request('ping', {})).resolves.toEqual({});
  });

  it('serves requests in both directions while one is in flight', async () => {
    const { harness, executor } = await connected();
    harness.setRequestHandler('tool/call', async (params) => ({ value: `looked up ${String(params.arguments['q'])}` }));
    executor.setRequestHandler('execute', async (params) => {
      const answer = await executor.request('tool/call', {
        executionId: 'e-1',
        callId: 'c-1',
        name: 'lookup',
        arguments: { q: params.code },
        principal: { tenantId: 'tenant-a', userId: 'alice' },
      });
      return okResult('', answer.value);
    });
    const result = await harness.request('execute', executeParams('word'));
    expect(result.status === 'ok' && result.result).toBe('looked up word');
  });

  it('delivers notifications', async () => {
    const { harness, executor } = await connected();
    const seen: string[] = [];
    harness.setNotificationHandler('notifications/log', (p) => seen.push(`${p.level}:${p.message}`));
    await executor.notify('notifications/log', { level: 'info', message: 'warm' });
    await tick();
    expect(seen).toEqual(['info:warm']);
  });

  it('fails a request at its deadline and cancels it on the other side', async () => {
    const { harness, executor } = await connected();
    let aborted = false;
    executor.setRequestHandler(
      'execute',
      (_p, { signal }) =>
        new Promise((_resolve, reject) => {
          signal.addEventListener('abort', () => {
            aborted = true;
            reject(signal.reason);
          });
        }),
    );
    const started = Date.now();
    const error = await harness.request('execute', executeParams('x'), { deadlineMs: 100 }).catch((e: unknown) => e);
    expect(isHarnessError(error, 'DEADLINE_EXCEEDED')).toBe(true);
    expect(Date.now() - started).toBeLessThan(1000);
    await tick();
    expect(aborted).toBe(true);
    expect(harness.pendingCount).toBe(0);
  });

  it('cancels a request through an AbortSignal', async () => {
    const { harness, executor } = await connected();
    executor.setRequestHandler('execute', () => new Promise(() => undefined));
    const controller = new AbortController();
    const pending = harness.request('execute', executeParams('x'), { signal: controller.signal });
    controller.abort('user gave up');
    await expect(pending).rejects.toMatchObject({ code: 'REQUEST_CANCELLED' });
  });

  it('answers an unknown method with -32601 and keeps working', async () => {
    const { executor, harnessEnd } = await connected();
    executor.setRequestHandler('ping', async () => ({}));
    const frames = rawEnd(harnessEnd);
    await harnessEnd.send(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'teleport', params: {} }));
    await harnessEnd.send(JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'ping', params: {} }));
    await tick();
    expect(frames.map((f) => JSON.parse(f))).toEqual([
      { jsonrpc: '2.0', id: 1, error: { code: ErrorCodes.MethodNotFound, message: 'Method not found: teleport' } },
      { jsonrpc: '2.0', id: 2, result: {} },
    ]);
    expect(executor.violations.map((v) => v.kind)).toEqual(['unknown-method']);
  });

  it('treats methods named after Object.prototype members as unknown, as notifications and as requests', async () => {
    const { executor, harnessEnd } = await connected();
    executor.setRequestHandler('ping', async () => ({}));
    const frames = rawEnd(harnessEnd);
    // A fuzzed "valueOf" notification once crashed the reference executor (no schema named undefined).
    for (const method of ['valueOf', 'constructor', '__proto__', 'toString'])
      await harnessEnd.send(JSON.stringify({ jsonrpc: '2.0', method, params: {} }));
    await harnessEnd.send(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'hasOwnProperty', params: {} }));
    await harnessEnd.send(JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'ping', params: {} }));
    await tick();
    expect(frames.map((f) => JSON.parse(f))).toEqual([
      {
        jsonrpc: '2.0',
        id: 1,
        error: { code: ErrorCodes.MethodNotFound, message: 'Method not found: hasOwnProperty' },
      },
      { jsonrpc: '2.0', id: 2, result: {} },
    ]);
  });
  it('refuses a method sent in the wrong direction with -32601', async () => {
    const { executor, harnessEnd } = await connected();
    const frames = rawEnd(harnessEnd);
    await harnessEnd.send(JSON.stringify({ jsonrpc: '2.0', id: 5, method: 'tool/call', params: {} }));
    await tick();
    expect(JSON.parse(frames[0]!).error.code).toBe(ErrorCodes.MethodNotFound);
    expect(executor.violations[0]?.kind).toBe('wrong-direction');
  });

  it('answers invalid params with -32602 naming the member by JSON pointer', async () => {
    const { executor, harnessEnd } = await connected();
    executor.setRequestHandler('execute', async () => okResult(''));
    const frames = rawEnd(harnessEnd);
    const params = { ...executeParams('1'), policy: { ...executeParams('1').policy, wallTimeMs: -1 } };
    await harnessEnd.send(JSON.stringify({ jsonrpc: '2.0', id: 'r1', method: 'execute', params }));
    await tick();
    const reply = JSON.parse(frames[0]!);
    expect(reply.error.code).toBe(ErrorCodes.InvalidParams);
    expect(reply.error.data.issues).toContainEqual({ pointer: '/policy/wallTimeMs', message: 'must be >= 1' });
  });

  it('reports malformed JSON, a wrong jsonrpc version and a response to an unknown id, and stays usable', async () => {
    const { harness, executor, executorEnd } = await connected();
    executor.setRequestHandler('ping', async () => ({}));
    const original = executorEnd.onmessage!;
    const sent: string[] = [];
    executorEnd.onmessage = (f) => sent.push(f);
    // The executor side misbehaves three ways, written raw so nothing validates them.
    await executorEnd.send('{"jsonrpc": "2.0", "id": 1, "result": ');
    await executorEnd.send(JSON.stringify({ jsonrpc: '1.0', id: 'x-1', method: 'ping' }));
    await executorEnd.send(JSON.stringify({ jsonrpc: '2.0', id: 'h-999', result: {} }));
    await tick();
    expect(harness.violations.map((v) => v.kind)).toEqual(['parse-error', 'invalid-message', 'unknown-response-id']);
    expect(harness.violations[0]!.detail).toMatch(/not valid JSON/);
    expect(harness.violations[1]!.detail).toBe('"jsonrpc" must be "2.0", got "1.0"');
    expect(harness.violations[2]!.detail).toMatch(/h-999.*matches no request in flight/);
    expect(sent.map((f) => JSON.parse(f).error?.code)).toEqual([ErrorCodes.ParseError, ErrorCodes.InvalidRequest]);
    executorEnd.onmessage = original;
    await expect(harness.request('ping', {})).resolves.toEqual({});
  });

  it('keeps error answers with id null (the other side could not parse a frame) as data, not violations', async () => {
    const { harness, executorEnd } = await connected();
    await executorEnd.send(
      JSON.stringify({ jsonrpc: '2.0', id: null, error: { code: ErrorCodes.ParseError, message: 'Parse error' } }),
    );
    await executorEnd.send(JSON.stringify({ jsonrpc: '2.0', id: null, result: {} }));
    await tick();
    expect(harness.unattributedErrors).toEqual([{ code: ErrorCodes.ParseError, message: 'Parse error' }]);
    // A result can never answer "no request": that one is still a violation.
    expect(harness.violations.map((v) => v.kind)).toEqual(['invalid-message']);
  });

  it('rejects a result that does not match the schema', async () => {
    const { harness, executor } = await connected();
    // Answer an execute with a result missing its stdout, bypassing the executor's own check.
    executor.transport.onmessage = (frame) => {
      const request = JSON.parse(frame) as { id: string };
      void executor.transport.send(
        JSON.stringify({ jsonrpc: '2.0', id: request.id, result: { status: 'ok', executionId: 'e' } }),
      );
    };
    const error = await harness.request('execute', executeParams('1')).catch((e: unknown) => e);
    expect(isHarnessError(error, 'RESPONSE_INVALID')).toBe(true);
    expect(String(error)).toMatch(/is missing required member "stdout"/);
    expect(harness.violations[0]?.kind).toBe('invalid-result');
  });

  it('surfaces a JSON-RPC error answer as RpcError', async () => {
    const { harness, executor } = await connected();
    executor.setRequestHandler('session/destroy', async () => {
      const { RpcError } = await import('./rpc-error.js');
      throw new RpcError(ErrorCodes.SessionNotFound, 'Session not found');
    });
    const error = await harness
      .request('session/destroy', { principal: testPrincipal, sessionId: 's-1' })
      .catch((e: unknown) => e);
    expect(isRpcError(error, ErrorCodes.SessionNotFound)).toBe(true);
  });

  it('fails the matching request at once when its answer is oversized', async () => {
    const { harness, executor } = await connected(4096);
    executor.setRequestHandler('execute', async () => okResult('x'.repeat(10_000)));
    const started = Date.now();
    const error = await harness.request('execute', executeParams('1'), { deadlineMs: 5000 }).catch((e: unknown) => e);
    expect(isHarnessError(error, 'MESSAGE_TOO_LARGE')).toBe(true);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(harness.violations[0]?.kind).toBe('oversized-message');
  });

  it('fails pending requests when the transport closes', async () => {
    const { harness, executor, executorEnd } = await connected();
    executor.setRequestHandler('execute', () => new Promise(() => undefined));
    const pending = harness.request('execute', executeParams('1'), { deadlineMs: 10_000 });
    await tick();
    await executorEnd.close();
    await expect(pending).rejects.toMatchObject({ code: 'TRANSPORT_CLOSED' });
    await expect(harness.request('ping', {})).rejects.toMatchObject({ code: 'TRANSPORT_CLOSED' });
  });

  it('refuses to send params that break the schema', async () => {
    const { harness } = await connected();
    const bad = { ...executeParams('1'), language: 'cobol' } as unknown as Parameters<
      typeof harness.request<'execute'>
    >[1];
    await expect(harness.request('execute', bad)).rejects.toMatchObject({ code: 'REQUEST_INVALID' });
  });

  /** The harness peer and the executor's raw end, answering each request with `answer(id)`. */
  async function answering(answer: (id: string) => string | string[]) {
    const { harness, executorEnd } = await connected();
    executorEnd.onmessage = (frame) => {
      const { id } = JSON.parse(frame) as { id?: string | null };
      if (typeof id !== 'string') return;
      for (const reply of [answer(id)].flat()) void executorEnd.send(reply);
    };
    return harness;
  }

  it('fails the request at once when its error answer carries off-schema data, and records the violation', async () => {
    const harness = await answering((id) =>
      JSON.stringify({
        jsonrpc: '2.0',
        id,
        error: { code: -32000, message: 'nope', data: { secret: 'not in the schema' } },
      }),
    );
    const started = Date.now();
    const error = await harness.request('execute', executeParams('1'), { deadlineMs: 10_000 }).catch((e: unknown) => e);
    expect(isHarnessError(error, 'RESPONSE_INVALID')).toBe(true);
    expect(String(error)).toMatch(/invalid-error/);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(harness.violations.map((v) => v.kind)).toEqual(['invalid-error']);
  });

  it('measures nesting without recursion and refuses an answer nested 5000 deep as too-deep', async () => {
    const deep = `${'['.repeat(5000)}1${']'.repeat(5000)}`;
    const harness = await answering(
      (id) => `{"jsonrpc":"2.0","id":${JSON.stringify(id)},"result":{"status":"ok","result":${deep}}}`,
    );
    const error = await harness.request('execute', executeParams('1'), { deadlineMs: 10_000 }).catch((e: unknown) => e);
    expect(isHarnessError(error, 'RESPONSE_INVALID')).toBe(true);
    expect(String(error)).toMatch(/too-deep.*512/);
    expect(harness.violations.map((v) => v.kind)).toEqual(['too-deep']);
  });

  it('names batches, duplicate answers and output before initialize as violations of their own', async () => {
    const harness = await answering((id) => {
      const answer = JSON.stringify({ jsonrpc: '2.0', id, result: {} });
      return id.endsWith('-1')
        ? ['not json before initialize', answer]
        : [JSON.stringify([{ jsonrpc: '2.0', method: 'ping', id: 'x-1' }]), answer, answer];
    });
    // The empty answer to initialize is itself off-schema (invalid-result), but it ends the initialize phase.
    await harness
      .request('initialize', { protocolVersion: '1.0', harnessInfo: { name: 'gauntlet', version: '0' } })
      .catch(() => undefined);
    await harness.request('ping', {});
    await tick();
    expect(harness.violations.map((v) => v.kind)).toEqual([
      'before-initialize',
      'parse-error',
      'invalid-result',
      'batch',
      'duplicate-response',
    ]);
    expect(harness.violationCounts).toEqual({
      'before-initialize': 1,
      'parse-error': 1,
      'invalid-result': 1,
      batch: 1,
      'duplicate-response': 1,
    });
  });

  it('disconnects a peer that floods requests but never reads the replies, within the reply cap', async () => {
    const [a, b] = InMemoryTransport.pair();
    // The executor's end never takes a reply: every send of the harness stays pending.
    const stalled = Object.assign(a, { send: () => new Promise<void>(() => undefined) });
    const harness = new Peer(stalled, { role: 'harness', maxRepliesOwed: 50 });
    await harness.start();
    const pending = harness.request('execute', executeParams('1'), { deadlineMs: 30_000 }).catch((e: unknown) => e);
    for (let i = 0; i < 5000; i++) await b.send(`junk ${i}`);
    await tick();
    expect(harness.closed?.reason).toMatch(/unread-replies.*50 replies were owed/);
    expect(harness.repliesOwed).toBe(50);
    // The request in flight fails now, with the reason, instead of at its deadline.
    expect(String(await pending)).toMatch(/unread-replies/);
    // Everything after the cut is ignored, not counted.
    expect(harness.violationCounts).toEqual({ 'parse-error': 51, 'unread-replies': 1 });
  });

  it('takes an answer to a request sent around it (expectRawAnswer) for no stray answer, once', async () => {
    const { harness, executorEnd } = await connected();
    harness.expectRawAnswer('fz-raw-1');
    await executorEnd.send(
      JSON.stringify({
        jsonrpc: '2.0',
        id: 'fz-raw-1',
        error: { code: ErrorCodes.InvalidParams, message: 'Invalid params' },
      }),
    );
    await tick();
    expect(harness.violations).toEqual([]);
    await executorEnd.send(JSON.stringify({ jsonrpc: '2.0', id: 'fz-raw-1', result: {} }));
    await tick();
    expect(harness.violations.map((v) => v.kind)).toEqual(['unknown-response-id']);
  });
});

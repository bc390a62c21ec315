import fc from 'fast-check';
import type { ExecutorConnection } from '../../../targets/executor-connection.js';
import { askExecutor, describeAnswer, sleep } from '../ask-executor.js';
import { frameBytes, wireId } from '../arbitraries/frame-bytes.js';
import { expectationOf, rawFrameArbitrary, type Expectation, type RawFrame } from '../arbitraries/raw-frame.js';
import type { FuzzContext } from '../fuzz-context.js';
import { defineProperty } from '../fuzz-property.js';
import { broken, held, inconclusive, type FuzzVerdict } from '../fuzz-verdict.js';
import { answerDeadline } from '../../../runner/answer-deadline.js';

/** A response the harness tapped off the wire. */
interface Tapped {
  id: unknown;
  code?: number;
  text: string;
}

/**
 * How long answers to the frames may take once the ping barrier came back (plus a run's budget when one may run code).
 */
const SETTLE_MS = 3000;
const STRAGGLER_MS = 25;
/** Numbers the raw frames' ids across inputs, so an answer is never matched to an earlier frame. */
const frameCount = { value: 0 };

/** Listens to every frame the executor sends on this connection (before the peer sees it). */
function tap(connection: ExecutorConnection): { responses: Tapped[]; stop(): void } {
  const transport = connection.peer.transport;
  const deliver = transport.onmessage;
  const responses: Tapped[] = [];
  transport.onmessage = (frame) => {
    try {
      const message = JSON.parse(frame) as { id?: unknown; method?: unknown; error?: { code?: unknown } };
      if (message.method === undefined && responses.length < 1000)
        responses.push({
          id: message.id ?? null,
          ...(typeof message.error?.code === 'number' ? { code: message.error.code } : {}),
          text: frame.slice(0, 300),
        });
    } catch {
      // Not JSON: the peer records it as a violation; it is no answer to any frame.
    }
    deliver?.(frame);
  };
  return { responses, stop: () => (transport.onmessage = deliver) };
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The responses that concern this input: answers to its own frames, and id-less errors. The ping
 * barrier's answer is not one, and an answer to an earlier input's frame that came late (the
 * executor may answer frames in any order) is not this input's to judge.
 */
function ownResponses(sent: ReadonlyArray<{ id: unknown }>, responses: readonly Tapped[]): Tapped[] {
  const ids = new Set(sent.map((s) => JSON.stringify(s.id)));
  return responses.filter((r) => r.id === null || ids.has(JSON.stringify(r.id)));
}

/** Matches what came back against what each frame must get; the first mismatch is the verdict. */
function judge(
  sent: Array<{ frame: RawFrame; id: unknown; expectation: Expectation }>,
  responses: Tapped[],
): FuzzVerdict {
  const unused = ownResponses(sent, responses);
  const take = (predicate: (r: Tapped) => boolean) => {
    const index = unused.findIndex(predicate);
    return index < 0 ? undefined : unused.splice(index, 1)[0];
  };
  for (const { frame, id, expectation } of sent) {
    const what = `a ${frame.kind} frame (${JSON.stringify(frame).slice(0, 200)})`;
    switch (expectation.answer) {
      case 'silence': {
        const answered = take((r) => same(r.id, id));
        if (answered)
          return broken(`the executor answered ${what}, which must get no answer`, {
            expected: 'no answer',
            observed: answered.text,
          });
        break;
      }
      case 'any': {
        if (!take((r) => same(r.id, id)))
          return broken(`the executor never answered ${what}`, {
            expected: 'a result or a JSON-RPC error',
            observed: 'no answer',
          });
        break;
      }
      case 'error': {
        const own = expectation.id !== 'null' ? take((r) => same(r.id, id)) : undefined;
        const answer =
          own ??
          (expectation.id !== 'own'
            ? take((r) => r.id === null && r.code !== undefined && expectation.codes.includes(r.code))
            : undefined);
        if (!answer)
          return broken(`the executor never answered ${what}`, {
            expected: `JSON-RPC error ${expectation.codes.join(' or ')}`,
            observed: 'no answer',
          });
        if (answer.code === undefined || !expectation.codes.includes(answer.code))
          return broken(`the executor answered ${what} wrongly`, {
            expected: `JSON-RPC error ${expectation.codes.join(' or ')}`,
            observed: answer.text,
          });
        break;
      }
    }
  }
  const extra = unused[0];
  if (extra)
    return broken('the executor sent an answer no frame asked for (a reply to a notification or a stray response)', {
      expected: 'no answer',
      observed: extra.text,
    });
  return held;
}

function crashed(connection: ExecutorConnection, frames: readonly RawFrame[]): FuzzVerdict | undefined {
  const closed = connection.closed;
  if (!closed || closed.expected) return undefined;
  return broken(`the executor died on ${frames.map((f) => f.kind).join(', ')}: ${closed.reason}`, {
    expected: 'a JSON-RPC error or silence, and the executor still running',
    observed: closed.reason,
    ...(closed.stderrTail ? { excerpt: closed.stderrTail.slice(-1500) } : {}),
  });
}

/** Sends each frame, as text or raw bytes; a transport that cannot carry raw bytes skips those frames. */
async function send(
  connection: ExecutorConnection,
  frames: readonly RawFrame[],
  context: FuzzContext,
): Promise<Array<{ frame: RawFrame; id: unknown; expectation: Expectation }>> {
  const transport = connection.peer.transport;
  const { capabilities } = context.initialize;
  const absent = { sessions: !capabilities.sessions.supported, cancel: !capabilities.cancel };
  const sent: Array<{ frame: RawFrame; id: unknown; expectation: Expectation }> = [];
  for (const frame of frames) {
    const id = `fz-raw-${++frameCount.value}`;
    connection.peer.expectRawAnswer(id);
    const bytes = frameBytes(frame, {
      id,
      principal: context.tenants.attacker,
      policy: context.basePolicy,
      maximums: context.initialize.capabilities.maximums,
    });
    try {
      if (typeof bytes === 'string') await connection.peer.sendRaw(bytes);
      else if (transport.sendBytes) await transport.sendBytes(bytes);
      else continue;
    } catch {
      // The executor is gone: judged from the closed connection below.
      break;
    }
    sent.push({ frame, id: wireId(frame, id), expectation: expectationOf(frame, absent) });
  }
  return sent;
}

/** Code that returns 42 in a language the executor declares (JavaScript when it can, else Python's last expression). */
function probeCode(context: FuzzContext): { language: 'javascript' | 'python'; code: string } {
  const python =
    !context.initialize.languages.some((l) => l.id === 'javascript') &&
    context.initialize.languages.some((l) => l.id === 'python');
  return python ? { language: 'python', code: '6 * 7' } : { language: 'javascript', code: 'return 6 * 7;' };
}

/**
 * Protocol robustness: sequences of malformed frames (not JSON, not objects, broken envelopes,
 * wrong types, deep nesting, oversized, invalid UTF-8), unknown or misdirected methods and
 * out-of-order messages (stray responses, cancellations and destroys of nothing). Each gets the
 * JSON-RPC error the protocol names, or silence where it says so; the executor never crashes,
 * and afterwards it still answers a ping and runs a probe.
 */
export const protocolRobustness = defineProperty<RawFrame[]>({
  name: 'protocol-robustness',
  title: "malformed and out-of-order frames get the protocol's answer, and the executor survives",
  stride: 'denial-of-service',
  severity: 'high',
  tags: ['fuzz', 'protocol'],
  remediation:
    'Guard every frame: decode and parse inside a try, validate against the schemas, answer with ' +
    'the JSON-RPC error the protocol names (or nothing for notifications and responses), and keep serving.',
  runs: 30,
  arbitrary: () => fc.array(rawFrameArbitrary(), { minLength: 1, maxLength: 4 }),
  async check(input, context) {
    const connection = await context.connection();
    const wire = tap(connection);
    let verdict: FuzzVerdict;
    try {
      // 1. The frames, then a ping as a barrier: the executor read everything before it.
      const sent = await send(connection, input, context);
      const ping = await askExecutor(connection, 'ping', {}, 10_000, context.signal);
      // A write that failed on a dead process can come before the process's exit is known.
      for (let waited = 0; ping.kind === 'closed' && !connection.closed && waited < 2000; waited += 20) await sleep(20);
      const died = crashed(connection, input);
      if (died) return died;
      if (ping.kind !== 'result') {
        context.discard('it stopped answering after malformed frames');
        return broken(`the executor stopped answering after ${input.map((f) => f.kind).join(', ')}`, {
          expected: 'an answer to ping',
          observed: describeAnswer(ping),
        });
      }
      // 2. Answers to the frames, which may trail the ping's (a frame that may run code gets a run's time).
      const owed = sent.filter((s) => s.expectation.answer !== 'silence').length;
      const settleMs =
        SETTLE_MS +
        (sent.some((s) => s.expectation.answer === 'any')
          ? answerDeadline(context.basePolicy.wallTimeMs, context.graceMs)
          : 0);
      for (let waited = 0; waited < settleMs && ownResponses(sent, wire.responses).length < owed; waited += 20)
        await sleep(20, context.signal);
      await sleep(STRAGGLER_MS, context.signal);
      verdict = judge(sent, wire.responses);
    } finally {
      wire.stop();
    }
    if (verdict.kind !== 'held') return verdict;
    // 3. The health probe: the executor still runs code.
    const probe = await askExecutor(
      connection,
      'execute',
      { principal: context.tenants.attacker, ...probeCode(context), policy: context.basePolicy },
      answerDeadline(context.basePolicy.wallTimeMs, context.graceMs),
      context.signal,
    );
    const died = crashed(connection, input);
    if (died) return died;
    if (probe.kind === 'result' && probe.result.status === 'ok' && probe.result.result === 42) return held;
    if (probe.kind === 'rpc-error') return inconclusive(`the health probe was refused: ${describeAnswer(probe)}`);
    return broken(`after ${input.map((f) => f.kind).join(', ')} the executor no longer ran code correctly`, {
      expected: 'the probe returns 42',
      observed: describeAnswer(probe),
    });
  },
});

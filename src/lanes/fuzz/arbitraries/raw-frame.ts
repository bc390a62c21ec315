import fc from 'fast-check';
import { ErrorCodes } from '../../../protocol/generated/error-codes.js';
import { notificationMethods, requestMethods } from '../../../protocol/generated/methods.js';

const KNOWN_METHODS = new Set<string>([...Object.keys(requestMethods), ...Object.keys(notificationMethods)]);

/**
 * One frame a hostile or broken harness could send, as data (so counterexamples can be stored
 * and read). The frame's bytes and what the protocol says must come back are derived from it.
 */
export type RawFrame =
  | { kind: 'not-json'; text: string }
  | { kind: 'json-not-object'; json: fc.JsonValue }
  | {
      kind: 'bad-envelope';
      variant:
        'no-version' | 'wrong-version' | 'object-id' | 'fractional-id' | 'method-not-string' | 'params-not-structured';
    }
  | { kind: 'unknown-method'; method: string }
  | { kind: 'wrong-direction'; method: 'tool/call' | 'notifications/log' }
  | {
      kind: 'wrong-params';
      method: 'execute' | 'session/create';
      pointer: string;
      action: 'delete' | 'wrong-type' | 'out-of-range';
    }
  | { kind: 'deep'; depth: number; where: 'params' | 'code' | 'tool-schema' }
  | { kind: 'huge-code'; over: number }
  | { kind: 'oversized'; over: number }
  | { kind: 'invalid-utf8'; bytesHex: string; inRequest: boolean }
  | { kind: 'unknown-notification'; method: string }
  | { kind: 'stray-response'; error: boolean }
  | { kind: 'cancel-unknown' }
  | { kind: 'execute-cancel-unknown' }
  | { kind: 'destroy-unknown-session' };

/**
 * What must come back for a frame: nothing, or a JSON-RPC error (with the frame's id, null, or either), or any answer
 * at all.
 */
export type Expectation =
  | { answer: 'silence' }
  | { answer: 'error'; codes: readonly number[]; id: 'own' | 'null' | 'own-or-null' }
  | { answer: 'any' };

/** Members of valid params that the schema requires, each with a value of the wrong type and an out-of-range one. */
export const MUTABLE: Record<
  'execute' | 'session/create',
  Record<string, { wrongType: unknown; outOfRange: unknown }>
> = {
  execute: {
    '/principal': { wrongType: 'alice', outOfRange: {} },
    '/principal/token': { wrongType: 42, outOfRange: '' },
    '/principal/tenantId': { wrongType: [], outOfRange: '../../etc' },
    '/language': { wrongType: 7, outOfRange: 'cobol' },
    '/code': { wrongType: { source: 'return 1' }, outOfRange: null },
    '/policy': { wrongType: 'strict', outOfRange: [] },
    '/policy/wallTimeMs': { wrongType: '5000', outOfRange: -1 },
    '/policy/memoryBytes': { wrongType: true, outOfRange: 1.5 },
    '/policy/output': { wrongType: 65536, outOfRange: {} },
    '/policy/output/onExceed': { wrongType: 0, outOfRange: 'explode' },
    '/policy/network': { wrongType: 'none', outOfRange: { mode: 'allowlist', allow: ['8.8.8.8:53'] } },
    '/policy/filesystem': { wrongType: false, outOfRange: 'host' },
    '/policy/allowSubprocesses': { wrongType: 'no', outOfRange: null },
  },
  'session/create': {
    '/principal': { wrongType: 1, outOfRange: [] },
    '/language': { wrongType: null, outOfRange: 'brainfuck' },
    '/policy': { wrongType: 0, outOfRange: {} },
    '/policy/wallTimeMs': { wrongType: [], outOfRange: -5 },
  },
};

const notJson = fc
  .string({ minLength: 1, maxLength: 60 })
  .map((s) => s.replace(/[\n\r]/g, ' '))
  .filter((s) => {
    if (s.trim() === '') return true;
    try {
      JSON.parse(s);
      return false;
    } catch {
      return true;
    }
  });

/** Byte sequences that are not UTF-8: stray continuation bytes, overlong forms, surrogates, truncated sequences. */
const invalidUtf8 = fc.constantFrom('80', 'c0af', 'eda080', 'f8888080', 'e282', 'fe', 'c3', 'f4908080');

/** Every kind of frame, weighted so that the cheap ones dominate and a 16 MiB frame stays rare. */
export function rawFrameArbitrary(): fc.Arbitrary<RawFrame> {
  const method = fc.constantFrom<'execute' | 'session/create'>('execute', 'session/create');
  return fc.oneof(
    { arbitrary: fc.record({ kind: fc.constant('not-json' as const), text: notJson }), weight: 3 },
    {
      arbitrary: fc.record({
        kind: fc.constant('json-not-object' as const),
        json: fc.oneof(
          fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
          fc.string(),
          fc.double({ noNaN: true, noDefaultInfinity: true }),
          fc.boolean(),
          fc.constant(null),
        ),
      }),
      weight: 2,
    },
    {
      arbitrary: fc.record({
        kind: fc.constant('bad-envelope' as const),
        variant: fc.constantFrom(
          'no-version',
          'wrong-version',
          'object-id',
          'fractional-id',
          'method-not-string',
          'params-not-structured',
        ),
      }),
      weight: 2,
    },
    {
      arbitrary: fc.record({
        kind: fc.constant('unknown-method' as const),
        method: fc
          .oneof(
            fc.string({ minLength: 1, maxLength: 30 }),
            fc.constantFrom(
              'Execute',
              'execute ',
              'rpc.discover',
              'session/list',
              '__proto__',
              'constructor',
              'hasOwnProperty',
            ),
          )
          .filter((m) => !KNOWN_METHODS.has(m)),
      }),
      weight: 2,
    },
    {
      arbitrary: fc.record({
        kind: fc.constant('wrong-direction' as const),
        method: fc.constantFrom<'tool/call' | 'notifications/log'>('tool/call', 'notifications/log'),
      }),
      weight: 1,
    },
    {
      arbitrary: method.chain((m) =>
        fc.record({
          kind: fc.constant('wrong-params' as const),
          method: fc.constant(m),
          pointer: fc.constantFrom(...Object.keys(MUTABLE[m])),
          action: fc.constantFrom<'delete' | 'wrong-type' | 'out-of-range'>('delete', 'wrong-type', 'out-of-range'),
        }),
      ),
      weight: 4,
    },
    {
      arbitrary: fc.record({
        kind: fc.constant('deep' as const),
        depth: fc.integer({ min: 100, max: 200_000 }),
        where: fc.constantFrom<'params' | 'code' | 'tool-schema'>('params', 'code', 'tool-schema'),
      }),
      weight: 2,
    },
    {
      arbitrary: fc.record({ kind: fc.constant('huge-code' as const), over: fc.integer({ min: 1, max: 4096 }) }),
      weight: 1,
    },
    {
      arbitrary: fc.record({ kind: fc.constant('oversized' as const), over: fc.integer({ min: 1, max: 4096 }) }),
      weight: 1,
    },
    {
      arbitrary: fc.record({
        kind: fc.constant('invalid-utf8' as const),
        bytesHex: invalidUtf8,
        inRequest: fc.boolean(),
      }),
      weight: 2,
    },
    {
      arbitrary: fc.record({
        kind: fc.constant('unknown-notification' as const),
        method: fc.string({ minLength: 1, maxLength: 30 }),
      }),
      weight: 1,
    },
    { arbitrary: fc.record({ kind: fc.constant('stray-response' as const), error: fc.boolean() }), weight: 1 },
    { arbitrary: fc.constant({ kind: 'cancel-unknown' as const }), weight: 1 },
    { arbitrary: fc.constant({ kind: 'execute-cancel-unknown' as const }), weight: 1 },
    { arbitrary: fc.constant({ kind: 'destroy-unknown-session' as const }), weight: 1 },
  );
}

/**
 * Optional features the executor declares absent in initialize: it may answer their methods with -32601, as for any
 * method it does not offer.
 */
export interface AbsentFeatures {
  sessions: boolean;
  cancel: boolean;
}

/** What the protocol says must come back (docs/protocol.md §2.4, §2.6, §4.4, §5.4, §12). */
export function expectationOf(
  frame: RawFrame,
  absent: AbsentFeatures = { sessions: false, cancel: false },
): Expectation {
  switch (frame.kind) {
    case 'not-json':
      return { answer: 'error', codes: [ErrorCodes.ParseError], id: 'null' };
    case 'json-not-object':
      return { answer: 'error', codes: [ErrorCodes.InvalidRequest], id: 'null' };
    case 'bad-envelope':
      return { answer: 'error', codes: [ErrorCodes.InvalidRequest], id: 'own-or-null' };
    case 'unknown-method':
    case 'wrong-direction':
      return { answer: 'error', codes: [ErrorCodes.MethodNotFound], id: 'own' };
    case 'wrong-params':
      return {
        answer: 'error',
        codes:
          frame.method === 'session/create' && absent.sessions
            ? [ErrorCodes.InvalidParams, ErrorCodes.MethodNotFound]
            : [ErrorCodes.InvalidParams],
        id: 'own',
      };
    case 'huge-code':
      return { answer: 'error', codes: [ErrorCodes.InvalidParams], id: 'own' };
    case 'deep':
      // Code and params break the schema; a deep but valid tool schema may be refused or run.
      return frame.where === 'tool-schema'
        ? { answer: 'any' }
        : {
            answer: 'error',
            codes: [
              ErrorCodes.InvalidParams,
              ErrorCodes.InvalidRequest,
              ErrorCodes.ParseError,
              ErrorCodes.MessageTooLarge,
            ],
            id: 'own-or-null',
          };
    case 'oversized':
      return { answer: 'error', codes: [ErrorCodes.MessageTooLarge], id: 'own-or-null' };
    case 'invalid-utf8':
      return { answer: 'error', codes: [ErrorCodes.ParseError], id: frame.inRequest ? 'own-or-null' : 'null' };
    case 'unknown-notification':
    case 'stray-response':
    case 'cancel-unknown':
      return { answer: 'silence' };
    case 'execute-cancel-unknown':
      return {
        answer: 'error',
        codes: absent.cancel
          ? [ErrorCodes.ExecutionNotFound, ErrorCodes.MethodNotFound]
          : [ErrorCodes.ExecutionNotFound],
        id: 'own',
      };
    case 'destroy-unknown-session':
      return {
        answer: 'error',
        codes: absent.sessions ? [ErrorCodes.SessionNotFound, ErrorCodes.MethodNotFound] : [ErrorCodes.SessionNotFound],
        id: 'own',
      };
  }
}

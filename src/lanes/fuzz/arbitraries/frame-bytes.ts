import type { Maximums, Policy, Principal } from '../../../protocol/generated/types.js';
import { MUTABLE, type RawFrame } from './raw-frame.js';

/** What a frame's bytes are built from besides the frame itself. */
export interface FrameFacts {
  /** The id this frame carries when it is a request. */
  id: string;
  principal: Principal;
  policy: Policy;
  maximums: Maximums;
}

/** The frame's id as it goes on the wire, when it has one the receiver can read back. */
export function wireId(frame: RawFrame, id: string): unknown {
  if (frame.kind === 'bad-envelope') {
    if (frame.variant === 'object-id') return { id };
    if (frame.variant === 'fractional-id') return 1.5;
  }
  return id;
}

function envelope(id: string, method: string, params: unknown): string {
  return JSON.stringify({ jsonrpc: '2.0', id, method, params });
}

/** The JSON text of `depth` nested values: arrays for params and code, `items` schemas for a tool. */
function nested(depth: number, where: 'params' | 'code' | 'tool-schema'): string {
  if (where === 'tool-schema') return `${'{"type":"array","items":'.repeat(depth)}{}${'}'.repeat(depth)}`;
  return `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

/** The valid params of a method, before a mutation breaks one member. */
function validParams(method: 'execute' | 'session/create', facts: FrameFacts): Record<string, unknown> {
  return method === 'execute'
    ? { principal: facts.principal, language: 'javascript', code: 'return 1;', policy: facts.policy }
    : { principal: facts.principal, language: 'javascript', policy: facts.policy };
}

function mutate(
  params: Record<string, unknown>,
  pointer: string,
  action: 'delete' | 'wrong-type' | 'out-of-range',
  method: 'execute' | 'session/create',
): Record<string, unknown> {
  const copy = structuredClone(params);
  const keys = pointer.split('/').slice(1);
  const last = keys.pop()!;
  let parent: Record<string, unknown> = copy;
  for (const key of keys) parent = parent[key] as Record<string, unknown>;
  if (action === 'delete') delete parent[last];
  else
    parent[last] = action === 'wrong-type' ? MUTABLE[method][pointer]!.wrongType : MUTABLE[method][pointer]!.outOfRange;
  return copy;
}

/** The bytes of a frame: text for most, raw bytes for invalid UTF-8 and for frames past the message maximum. */
export function frameBytes(frame: RawFrame, facts: FrameFacts): string | Uint8Array {
  const { id } = facts;
  switch (frame.kind) {
    case 'not-json':
      return frame.text;
    case 'json-not-object':
      return JSON.stringify(frame.json);
    case 'bad-envelope': {
      const base = { jsonrpc: '2.0', id: wireId(frame, id), method: 'ping' as unknown, params: {} as unknown };
      if (frame.variant === 'no-version') return JSON.stringify({ id, method: 'ping', params: {} });
      if (frame.variant === 'wrong-version') return JSON.stringify({ ...base, jsonrpc: '1.0' });
      if (frame.variant === 'method-not-string') return JSON.stringify({ ...base, method: 42 });
      if (frame.variant === 'params-not-structured') return JSON.stringify({ ...base, params: 'ping' });
      return JSON.stringify(base);
    }
    case 'unknown-method':
      return envelope(id, frame.method, {});
    case 'wrong-direction':
      return envelope(
        id,
        frame.method,
        frame.method === 'tool/call'
          ? { executionId: 'fz-none', callId: 'c1', name: 'x', arguments: {} }
          : { level: 'info', message: 'hello' },
      );
    case 'wrong-params':
      return envelope(
        id,
        frame.method,
        mutate(validParams(frame.method, facts), frame.pointer, frame.action, frame.method),
      );
    case 'deep': {
      if (frame.where === 'params')
        return `{"jsonrpc":"2.0","id":${JSON.stringify(id)},"method":"ping","params":${nested(frame.depth, 'params')}}`;
      const params = JSON.stringify({
        principal: facts.principal,
        language: 'javascript',
        code: 'return 1;',
        policy: { ...facts.policy, tools: [{ name: 'fz_deep', inputSchema: { type: 'object' } }] },
      });
      const body =
        frame.where === 'code'
          ? params.replace('"code":"return 1;"', `"code":${nested(frame.depth, 'code')}`)
          : params.replace(
              '"inputSchema":{"type":"object"}',
              `"inputSchema":{"type":"object","properties":{"x":${nested(frame.depth, 'tool-schema')}}}`,
            );
      return `{"jsonrpc":"2.0","id":${JSON.stringify(id)},"method":"execute","params":${body}}`;
    }
    case 'huge-code': {
      const code = `return 1;//${'x'.repeat(facts.maximums.codeBytes + frame.over)}`;
      return envelope(id, 'execute', {
        principal: facts.principal,
        language: 'javascript',
        code,
        policy: facts.policy,
      });
    }
    case 'oversized': {
      const head = Buffer.from(`{"jsonrpc":"2.0","id":${JSON.stringify(id)},"method":"execute","params":{"code":"`);
      const total = (facts.maximums.messageBytes ?? 16 * 1024 * 1024) + frame.over;
      return Buffer.concat([head, Buffer.alloc(Math.max(0, total - head.length), 0x61)]);
    }
    case 'invalid-utf8': {
      const bad = Buffer.from(frame.bytesHex, 'hex');
      if (!frame.inRequest) return bad;
      return Buffer.concat([
        Buffer.from(`{"jsonrpc":"2.0","id":${JSON.stringify(id)},"method":"ping","params":{"_meta":{"x":"`),
        bad,
        Buffer.from('"}}}'),
      ]);
    }
    case 'unknown-notification':
      return JSON.stringify({ jsonrpc: '2.0', method: frame.method, params: {} });
    case 'stray-response':
      return JSON.stringify(
        frame.error
          ? { jsonrpc: '2.0', id, error: { code: -32000, message: 'stray' } }
          : { jsonrpc: '2.0', id, result: {} },
      );
    case 'cancel-unknown':
      return JSON.stringify({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: id } });
    case 'execute-cancel-unknown':
      return envelope(id, 'execute/cancel', { principal: facts.principal, executionId: id });
    case 'destroy-unknown-session':
      return envelope(id, 'session/destroy', { principal: facts.principal, sessionId: id });
  }
}

import { describe, expect, it } from 'vitest';
import { Peer } from '../protocol/peer.js';
import { executeParams } from '../testing/protocol-fixtures.js';
import { listenWebSocket, WebSocketTransport } from './websocket-transport.js';

async function serve(maxMessageBytes?: number) {
  const executors: Peer[] = [];
  const listener = await listenWebSocket(
    { host: '127.0.0.1', port: 0, path: '/gauntlet', ...(maxMessageBytes ? { maxMessageBytes } : {}) },
    (transport) => {
      const peer = new Peer(transport, { role: 'executor' });
      peer.setRequestHandler('ping', async () => ({}));
      peer.setRequestHandler('execute', async (params) => {
        const answer = await peer.request('tool/call', {
          executionId: 'e',
          callId: 'c',
          name: 'lookup',
          arguments: { q: params.code },
          principal: { tenantId: 'tenant-a', userId: 'alice' },
        });
        const text = String(answer.value);
        return {
          status: 'ok',
          executionId: 'e',
          stdout: { text, truncated: false, bytes: text.length },
          stderr: { text: '', truncated: false, bytes: 0 },
          resultTruncated: false,
          toolCalls: [],
          usage: { wallMs: 0 },
          redactions: 0,
          auditIds: [],
        };
      });
      executors.push(peer);
      void peer.start();
    },
  );
  return { listener, executors };
}

describe('WebSocketTransport', () => {
  it('round-trips requests in both directions', async () => {
    const { listener } = await serve();
    const harness = new Peer(WebSocketTransport.connect(`ws://127.0.0.1:${listener.port}/gauntlet`), {
      role: 'harness',
    });
    harness.setRequestHandler('tool/call', async (p) => ({ value: `ws:${String(p.arguments['q'])}` }));
    try {
      await harness.start();
      await expect(harness.request('ping', {})).resolves.toEqual({});
      const result = await harness.request('execute', executeParams('abc'));
      expect(result.stdout.text).toBe('ws:abc');
    } finally {
      await harness.close();
      await listener.close();
    }
  });

  it('closes with a clear reason when a message exceeds the maximum size', async () => {
    const { listener } = await serve(1024);
    const harness = new Peer(WebSocketTransport.connect(`ws://127.0.0.1:${listener.port}/gauntlet`), {
      role: 'harness',
      validateOutgoing: false,
    });
    try {
      await harness.start();
      const error = await harness.request('execute', executeParams('x'.repeat(4096))).catch((e: unknown) => e);
      expect(String(error)).toMatch(/1009.*maximum size/);
    } finally {
      await harness.close();
      await listener.close();
    }
  });

  it('fails to connect to a port nobody listens on', async () => {
    const { listener } = await serve();
    const port = listener.port;
    await listener.close();
    await expect(WebSocketTransport.connect(`ws://127.0.0.1:${port}/gauntlet`).start()).rejects.toThrow(/ECONNREFUSED/);
  });
});

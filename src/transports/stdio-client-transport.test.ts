import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isHarnessError } from '../errors/harness-error.js';
import { Peer } from '../protocol/peer.js';
import { executeParams } from '../testing/protocol-fixtures.js';
import { StdioClientTransport } from './stdio-client-transport.js';

const fixture = join(import.meta.dirname, '../../dist/src/testing/fixtures/echo-executor.js');

async function spawnEcho(options: { maxMessageBytes?: number } = {}) {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [fixture],
    env: { PATH: process.env['PATH'] ?? '' },
    ...options,
  });
  const peer = new Peer(transport, { role: 'harness', defaultDeadlineMs: 10_000 });
  peer.setRequestHandler('tool/call', async (params) => ({ value: `tool saw ${String(params.arguments['q'])}` }));
  await peer.start();
  return { peer, transport };
}

describe('StdioClientTransport', () => {
  it('round-trips requests in both directions with a spawned executor', async () => {
    const { peer } = await spawnEcho();
    try {
      const init = await peer.request('initialize', {
        protocolVersion: '1.0',
        harnessInfo: { name: 'test', version: '0' },
      });
      expect(init.executorInfo.name).toBe('echo-fixture');
      const echoed = await peer.request('execute', executeParams('echo:hello'));
      expect(echoed.stdout.text).toBe('hello');
      const called = await peer.request('execute', executeParams('call-tool:word'));
      expect(called.status === 'ok' && called.result).toBe('tool saw word');
    } finally {
      await peer.close();
    }
  });

  it('completes 1,000 concurrent requests, each with its own answer', async () => {
    const { peer } = await spawnEcho();
    try {
      const answers = await Promise.all(
        Array.from({ length: 1000 }, (_, i) => peer.request('execute', executeParams(`echo:${i}`))),
      );
      expect(answers.map((a) => a.stdout.text)).toEqual(Array.from({ length: 1000 }, (_, i) => String(i)));
      expect(peer.pendingCount).toBe(0);
    } finally {
      await peer.close();
    }
  });

  it('rejects a 100 MiB line without buffering it and stays usable', async () => {
    const { peer } = await spawnEcho({ maxMessageBytes: 1024 * 1024 });
    try {
      global.gc?.();
      const before = process.memoryUsage();
      let peakGrowth = 0;
      const sampler = setInterval(() => {
        const now = process.memoryUsage();
        peakGrowth = Math.max(peakGrowth, now.rss - before.rss, now.arrayBuffers - before.arrayBuffers);
      }, 5);
      const result = await peer.request('execute', executeParams(`flood:${100 * 1024 * 1024}`), { deadlineMs: 60_000 });
      clearInterval(sampler);
      expect(result.stdout.text).toBe('flooded');
      const violation = peer.violations.find((v) => v.kind === 'oversized-message');
      expect(violation?.detail).toBe(`frame too large (${100 * 1024 * 1024 + 42} bytes)`);
      // 100 MiB streamed through; what we held at any moment stays far below it.
      expect(peakGrowth).toBeLessThan(48 * 1024 * 1024);
      await expect(peer.request('ping', {})).resolves.toEqual({});
    } finally {
      await peer.close();
    }
  }, 90_000);

  it('reports garbage from the executor as violations and keeps working', async () => {
    const { peer } = await spawnEcho();
    try {
      const result = await peer.request('execute', executeParams('garbage'));
      expect(result.stdout.text).toBe('after garbage');
      expect(peer.violations.map((v) => v.kind)).toEqual(['parse-error', 'invalid-message', 'unknown-response-id']);
      await expect(peer.request('ping', {})).resolves.toEqual({});
    } finally {
      await peer.close();
    }
  });

  it('fails pending requests promptly when the executor dies, with its exit and stderr', async () => {
    const { peer, transport } = await spawnEcho();
    const slow = peer.request('execute', executeParams('sleep:20000'), { deadlineMs: 30_000 });
    const started = Date.now();
    const error = await peer.request('execute', executeParams('die'), { deadlineMs: 30_000 }).catch((e: unknown) => e);
    expect(isHarnessError(error, 'TRANSPORT_CLOSED')).toBe(true);
    expect(String(error)).toMatch(/exited with code 3.*dying on purpose/s);
    await expect(slow).rejects.toMatchObject({ code: 'TRANSPORT_CLOSED' });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(transport.stderr.text()).toBe('dying on purpose\n');
  });

  it('fails to start a command that does not exist', async () => {
    const transport = new StdioClientTransport({ command: '/nonexistent/executor' });
    await expect(transport.start()).rejects.toThrow(/ENOENT/);
  });
});

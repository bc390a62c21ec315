import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alice, bob, startExecutorUnderTest, type ExecutorUnderTest } from './executor-under-test.js';

const CANARY = { name: 'GAUNTLET_CANARY_WS', value: 'canary-ws-3c9e51d07a' };

/**
 * The same executor behind `--listen 127.0.0.1:0`, with its tenants from `--tenants FILE`: the
 * harness reads the port from its log, connects over WebSocket and gets the same protocol and
 * the same protections (the scenarios prove them over stdio; these spot checks prove the
 * WebSocket entry point wires the same service). Closing checks that the listening executor
 * never wrote to stdout.
 */
describe('the reference executor over WebSocket (--listen 127.0.0.1:0)', () => {
  let executor: ExecutorUnderTest;
  let hostDir: string;
  beforeAll(async () => {
    hostDir = mkdtempSync(join(tmpdir(), 'gauntlet-websocket-'));
    executor = await startExecutorUnderTest({
      transport: 'websocket',
      tenantsFile: join(hostDir, 'tenants.json'),
      env: { [CANARY.name]: CANARY.value },
      args: ['--audit-log', join(hostDir, 'audit.jsonl')],
    });
  });
  afterAll(async () => {
    await executor?.close();
    rmSync(hostDir, { recursive: true, force: true });
  });

  it('runs JavaScript, TypeScript and Python', { timeout: 60_000 }, async () => {
    const js = await executor.execute('javascript', 'console.log("js"); return 6 * 7');
    const ts = await executor.execute('typescript', 'const n: number = 6; return n * 7');
    const python = await executor.execute('python', 'print("py")\n6 * 7', { principal: bob });
    expect([js, ts, python].map((r) => (r.status === 'ok' ? r.result : r.error))).toEqual([42, 42, 42]);
    expect(python.stdout.text).toBe('py\n');
  });

  it('keeps its own environment and the network from the code', { timeout: 60_000 }, async () => {
    // A loopback listener the policy does not list: the code must not reach it.
    let contacts = 0;
    const listener = createServer((socket) => (contacts++, socket.destroy()));
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    const { port } = listener.address() as AddressInfo;
    try {
      const code = `let env; try { env = Deno.env.get(${JSON.stringify(CANARY.name)}); } catch (e) { env = e.name; }
        try { await fetch('http://127.0.0.1:${port}/'); } catch { /* refused */ }
        return String(env);`;
      const result = await executor.execute('javascript', code);
      expect(result).toMatchObject({ status: 'ok' });
      expect(JSON.stringify(result)).not.toContain(CANARY.value);
      expect(contacts).toBe(0);
    } finally {
      listener.close();
    }
  });

  it('stops code at its wall time', { timeout: 60_000 }, async () => {
    const result = await executor.execute('javascript', 'for (;;) {}', { policy: { wallTimeMs: 1000 } });
    expect(result).toMatchObject({ status: 'error', error: { type: 'timeout' } });
  });

  it("refuses a wrong token and another tenant's session alike", { timeout: 60_000 }, async () => {
    await expect(
      executor.execute('javascript', 'return 1', { principal: { ...alice, token: bob.token } }),
    ).rejects.toMatchObject({ code: -32005 });
    const own = await executor.createSession('javascript');
    const unknownId = 'no-such-session';
    const ask = (sessionId: string) =>
      executor.execute('javascript', 'return 1', { principal: bob, sessionId, policy: { filesystem: 'session' } }).then(
        () => ({ code: 0, message: 'ran' }),
        (e: { code: number; message: string }) => ({ code: e.code, message: e.message }),
      );
    const foreign = await ask(own);
    const unknown = await ask(unknownId);
    expect(foreign.code).toBe(-32002);
    expect(unknown).toEqual({ ...foreign, message: foreign.message.split(own).join(unknownId) });
  });

  it('sent nothing that breaks the protocol', () => {
    expect(executor.peer.violations).toEqual([]);
  });
});

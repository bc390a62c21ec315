import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCheckEnvironment, type CheckEnvironment } from './checks/check-environment.js';
import { envCanaryCheck, networkCheck } from './checks/isolation-checks.js';
import { wallTimeCheck } from './checks/limit-checks.js';
import { authenticationCheck, sessionIndistinguishableCheck } from './checks/tenancy-checks.js';
import { bob } from './executor-under-test.js';

/**
 * The same executor behind `--listen 127.0.0.1:0`, with its tenants from `--tenants FILE`: the
 * harness reads the port from its log, connects over WebSocket and gets the same protocol and
 * the same protections. Closing checks that the listening executor never wrote to stdout.
 */
describe('the reference executor over WebSocket (--listen 127.0.0.1:0)', () => {
  let environment: CheckEnvironment;
  beforeAll(async () => {
    environment = await startCheckEnvironment({ transport: 'websocket', tenantsFrom: 'file' });
  });
  afterAll(async () => {
    await environment?.close();
  });

  it('runs JavaScript, TypeScript and Python', { timeout: 60_000 }, async () => {
    const { executor } = environment.context;
    const js = await executor.execute('javascript', 'console.log("js"); return 6 * 7');
    const ts = await executor.execute('typescript', 'const n: number = 6; return n * 7');
    const python = await executor.execute('python', 'print("py")\n6 * 7', { principal: bob });
    expect([js, ts, python].map((r) => (r.status === 'ok' ? r.result : r.error))).toEqual([42, 42, 42]);
    expect(python.stdout.text).toBe('py\n');
  });

  for (const check of [
    envCanaryCheck,
    networkCheck,
    wallTimeCheck,
    sessionIndistinguishableCheck,
    authenticationCheck,
  ]) {
    it(`${check.id} holds over WebSocket`, { timeout: 60_000 }, async () => {
      expect(await check.run(environment.context, 'javascript')).toEqual({ ok: true });
    });
  }

  it('sent nothing that breaks the protocol', () => {
    expect(environment.context.executor.peer.violations).toEqual([]);
  });
});

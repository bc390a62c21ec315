import { access, mkdtemp, readFile, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExecuteParams, Language, Policy, Principal } from '../protocol/generated/types.js';
import { defaultPolicy } from '../protocol/default-policy.js';
import type { CanaryKind } from '../scenarios/generated/types.js';
import type { ExecutorAccess, PlantContext, PlantedCanary } from './canary.js';
import { canaryRegistry } from './canary-registry.js';
import { TokenSource } from './token-source.js';

/**
 * Each canary plug-in against its own contract: it plants exactly the variables it declares
 * (the linter accepts exactly those), no variable reveals a token, and release removes what it
 * planted. The tenant canary's executor is a recorder: what is tested is the canary's protocol use.
 */
const tenants = {
  attacker: { tenantId: 'tenant-a', userId: 'mallory', token: 'tok-a' },
  victim: { tenantId: 'tenant-v', userId: 'alice', token: 'tok-v' },
} satisfies Record<string, Principal>;
let hostDir = '';

function context(kind: CanaryKind, language: Language = 'javascript'): PlantContext {
  return {
    tokens: new TokenSource('00112233445566778899aabbccddeeff', `canary-test@${language}`).child(kind),
    slug: `canary-test-${kind}`,
    hostDir,
    tenants,
    language,
    target: { startedByGauntlet: true, sameHost: true, settings: {} },
  };
}

/** Plants a canary and completes it the way the runner does (inject, where it has one). */
async function plant(kind: CanaryKind, executor?: ExecutorAccess): Promise<PlantedCanary> {
  const planted = await canaryRegistry[kind].plant(context(kind));
  if (planted.inject) await planted.inject(executor!);
  return planted;
}

/** Records what the tenant canary asks of an executor, and answers like an honest one. */
function recordingExecutor() {
  const calls: string[] = [];
  const executed: ExecuteParams[] = [];
  const executor: ExecutorAccess = {
    basePolicy: defaultPolicy as Policy,
    createSession: async (principal) => (calls.push(`create ${principal.tenantId}`), 'session-victim-1'),
    destroySession: async (principal, id) => void calls.push(`destroy ${principal.tenantId} ${id}`),
    execute: async (params) => (
      executed.push(params),
      { status: 'ok', stdout: 'stored', stderr: '', durationMs: 1, usage: { wallTimeMs: 1 } } as never
    ),
  };
  return { executor, calls, executed };
}

beforeAll(async () => {
  hostDir = await mkdtemp(join(tmpdir(), 'gauntlet-canaries-'));
});
afterAll(async () => {
  await rm(hostDir, { recursive: true, force: true });
});

describe('canary plug-ins', () => {
  for (const kind of Object.keys(canaryRegistry) as CanaryKind[]) {
    it(`${kind}: plants exactly the variables it declares, none revealing a token`, async () => {
      const planted = await plant(kind, recordingExecutor().executor);
      try {
        expect(planted.kind).toBe(kind);
        expect(Object.keys(planted.variables).sort()).toEqual([...canaryRegistry[kind].variables].sort());
        for (const token of planted.tokens)
          for (const value of Object.values(planted.variables)) expect(value).not.toContain(token.value);
      } finally {
        await planted.release();
      }
    });
  }

  it('env: the token reaches only the executor environment, under the variable it names', async () => {
    const planted = await plant('env');
    expect(planted.executorEnv).toEqual({ [planted.variables['name']!]: planted.tokens[0]!.value });
  });

  it('file: the token is in a host file until release removes it', async () => {
    const planted = await plant('file');
    expect((await readFile(planted.variables['path']!, 'utf8')).trim()).toBe(planted.tokens[0]!.value);
    await planted.release();
    await expect(access(planted.variables['dir']!)).rejects.toThrow();
  });

  it('listener: a loopback contact is recorded, and release closes the port', async () => {
    const planted = await plant('listener');
    const port = Number(planted.variables['tcp.port']);
    await new Promise<void>((resolve, reject) => {
      const socket = connect(port, planted.variables['host']!, () => socket.end('hello from the test'));
      socket.once('close', () => resolve()).once('error', reject);
    });
    await expect
      .poll(() => planted.hits!().some((hit) => hit.protocol === 'tcp' && hit.data.includes('hello from the test')), {
        timeout: 5000,
      })
      .toBe(true);
    await planted.release();
    await expect(
      new Promise((resolve, reject) => connect(port, '127.0.0.1', () => resolve('open')).once('error', reject)),
    ).rejects.toThrow(/ECONNREFUSED/);
  });

  it('secret and tool-result: the token is declared as a secret to redact', async () => {
    const secret = await plant('secret');
    expect(secret.policy?.env?.[secret.variables['name']!]).toBe(secret.tokens[0]!.value);
    expect(secret.policy?.secrets?.map((s) => s.value)).toEqual([secret.tokens[0]!.value]);
    const tool = await plant('tool-result');
    expect(tool.policy?.tools?.map((t) => t.name)).toEqual([tool.variables['tool']]);
    expect(JSON.stringify(tool.tools![tool.variables['tool']!]!({}))).toContain(tool.tokens[0]!.value);
    expect(tool.policy?.secrets?.map((s) => s.value)).toEqual([tool.tokens[0]!.value]);
  });

  it(
    'tenant: the token is stored in a session of the victim, whose id is given only after, and ' +
      'destroyed on release',
    async () => {
      const { executor, calls, executed } = recordingExecutor();
      const planted = await plant('tenant', executor);
      expect(planted.variables).toEqual({ session: 'session-victim-1', tenant: 'tenant-v' });
      expect(executed.map((e) => [e.principal.tenantId, e.sessionId])).toEqual([['tenant-v', 'session-victim-1']]);
      expect(executed[0]!.code).toContain(planted.tokens[0]!.value);
      await planted.release();
      expect(calls).toEqual(['create tenant-v', 'destroy tenant-v session-victim-1']);
    },
  );

  it('process: a live host process whose pid is given; an outside kill is seen, release ends it', async () => {
    const first = await plant('process');
    const pid = Number(first.variables['pid']);
    expect(first.processes?.()).toEqual([{ pid, alive: true }]);
    process.kill(pid, 'SIGKILL');
    await expect.poll(() => first.processes?.()[0]?.alive).toBe(false);
    expect(first.processes?.()[0]?.ended?.signal).toBe('SIGKILL');
    await first.release();
    const second = await plant('process');
    await second.release();
    expect(second.processes?.()[0]?.alive).toBe(false);
  });

  it('host: forbidden host facts and an unannounced listener, whose /proc/net/tcp entry is a token', async () => {
    const planted = await plant('host');
    expect(planted.variables).toEqual({});
    expect(planted.tokens.every((t) => t.access === 'forbidden' && t.value.length >= 8)).toBe(true);
    const entry = planted.tokens.at(-1)!.value;
    expect(entry).toMatch(/^0100007F:[0-9A-F]{4}$/);
    const tcp = await readFile('/proc/net/tcp', 'utf8').catch(() => '');
    if (tcp) expect(tcp).toContain(entry);
    await planted.release();
  });
});

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/load-config.js';
import { packageInfo } from '../config/package-root.js';
import { isHarnessError } from '../errors/harness-error.js';
import { resolveTarget } from './resolve-target.js';
import { targetKinds } from './target-kinds.js';

const packageRoot = packageInfo().root;
const tenants = {
  attacker: { tenantId: 'a', userId: 'mallory', token: 'token-a-0123456789' },
  victim: { tenantId: 'v', userId: 'victor', token: 'token-v-0123456789' },
};

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

describe('resolveTarget', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gauntlet-config-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('defaults to the built reference executor over stdio', async () => {
    const target = await resolveTarget(undefined, { packageRoot });
    expect(target).toMatchObject({
      name: 'reference',
      spec: {
        transport: 'stdio',
        command: process.execPath,
        args: [join(packageRoot, 'dist/reference-impl/src/main.js'), '--stdio'],
      },
    });
  });

  it('passes reference faults through as --fault flags, and refuses anything else', async () => {
    const target = await resolveTarget('reference:fault=env-leak,fault=open-network', { packageRoot });
    expect(target.spec).toMatchObject({
      args: [expect.any(String), '--stdio', '--fault', 'env-leak', '--fault', 'open-network'],
    });
    const error = await rejection(resolveTarget('reference:env-leak', { packageRoot }));
    expect(isHarnessError(error, 'CONFIG_INVALID') && error.message).toContain('reference:fault=NAME');
  });

  it('splits stdio command lines like a shell would quote them, without a shell', async () => {
    const target = await resolveTarget(`stdio:node "my executor.js" --flag='a b' \\$HOME`, { packageRoot });
    expect(target.spec).toMatchObject({
      transport: 'stdio',
      command: 'node',
      args: ['my executor.js', '--flag=a b', '$HOME'],
    });
    expect(isHarnessError(await rejection(resolveTarget('stdio:', { packageRoot })), 'CONFIG_INVALID')).toBe(true);
    expect(
      isHarnessError(await rejection(resolveTarget('stdio:node "unterminated', { packageRoot })), 'CONFIG_INVALID'),
    ).toBe(true);
  });

  it(
    'resolves docker:IMAGE to a container Gauntlet starts on this host, and refuses what is ' +
      'not an image reference',
    async () => {
      const target = await resolveTarget('docker:gauntlet/reference-executor:local', { packageRoot });
      expect(target.spec).toMatchObject({
        transport: 'docker',
        description: 'docker:gauntlet/reference-executor:local',
        startedByGauntlet: true,
        sameHost: true,
        canaries: { fileDir: expect.stringContaining('gauntlet-docker-canaries-') },
      });
      for (const spec of ['docker:', 'docker:-rm', 'docker:image name']) {
        expect(isHarnessError(await rejection(resolveTarget(spec, { packageRoot })), 'CONFIG_INVALID'), spec).toBe(
          true,
        );
      }
    },
  );

  it('needs fixed tenants for a WebSocket executor', async () => {
    const error = await rejection(resolveTarget('ws://127.0.0.1:9/executor', { packageRoot }));
    expect(error.message).toContain('--tenants');
    const target = await resolveTarget('ws://127.0.0.1:9/executor', { packageRoot, tenants });
    expect(target.spec).toMatchObject({
      transport: 'websocket',
      url: 'ws://127.0.0.1:9/executor',
      tenants,
      startedByGauntlet: false,
      sameHost: true,
    });
    const remote = await resolveTarget('wss://user:pw@executor.example/x?key=1', { packageRoot, tenants });
    expect(remote.spec).toMatchObject({ description: 'wss://executor.example/x', sameHost: false });
  });

  it(
    'resolves named targets of gauntlet.config.json with their env, tenants, canary settings ' +
      'and policy, cwd relative to the file',
    async () => {
      await writeFile(
        join(dir, 'gauntlet.config.json'),
        JSON.stringify({
          defaultTarget: 'mine',
          targets: {
            mine: {
              transport: 'stdio',
              command: 'node',
              args: ['exec.js'],
              cwd: 'exec',
              env: { MODE: 'strict' },
              tenants,
              canaries: { disabled: ['listener'] },
              policy: { wallTimeMs: 2000 },
            },
          },
          run: { workers: 3, scenarios: 'my-scenarios' },
        }),
      );
      const config = await loadConfig(dir);
      expect(config?.config.run?.workers).toBe(3);
      const target = await resolveTarget(undefined, { packageRoot, ...(config ? { config } : {}) });
      expect(target).toMatchObject({
        name: 'mine',
        spec: {
          transport: 'stdio',
          command: 'node',
          args: ['exec.js'],
          cwd: join(dir, 'exec'),
          env: { MODE: 'strict' },
          tenants,
          canaries: { disabled: ['listener'] },
          policy: { wallTimeMs: 2000 },
          description: 'node exec.js',
          startedByGauntlet: true,
          sameHost: true,
        },
      });
      const unknown = await rejection(resolveTarget('theirs', { packageRoot, ...(config ? { config } : {}) }));
      expect(unknown.message).toContain('or a target of the config: mine');
    },
  );

  it('loads gauntlet.config.ts through its default export', async () => {
    const ts = join(dir, 'ts');
    await import('node:fs/promises').then((fs) => fs.mkdir(ts));
    await writeFile(
      join(ts, 'gauntlet.config.ts'),
      `const workers: number = 2;\nexport default { run: { workers }, targets: { remote: { ` +
        `transport: 'websocket', url: 'ws://127.0.0.1:9/x', tenants: ${JSON.stringify(tenants)} } ` +
        `} };\n`,
    );
    const config = await loadConfig(ts);
    expect(config?.config).toMatchObject({ run: { workers: 2 }, targets: { remote: { transport: 'websocket' } } });
  });

  it('rejects an invalid config naming the file and the JSON pointer', async () => {
    const bad = join(dir, 'bad.json');
    await writeFile(
      bad,
      JSON.stringify({ targets: { mine: { transport: 'stdio', args: ['no command'] } }, run: { workers: 0 } }),
    );
    const error = await rejection(loadConfig(dir, 'bad.json'));
    expect(isHarnessError(error, 'CONFIG_INVALID')).toBe(true);
    expect(error.message).toContain(bad);
    expect(error.message).toContain('/run/workers');
    expect(error.message).toContain('/targets/mine');
    await writeFile(bad, '{ not json');
    expect((await rejection(loadConfig(dir, 'bad.json'))).message).toContain('not valid JSON');
  });

  it('reads every transport of a config target through exactly one registered kind', () => {
    const readers = targetKinds.filter((k) => k.configTransport !== undefined).map((k) => k.configTransport);
    expect(readers.sort()).toEqual(['docker', 'stdio', 'websocket']);
  });
});

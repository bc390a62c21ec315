import { afterAll, describe, expect, it } from 'vitest';
import { ErrorCodes } from '../src/protocol/generated/error-codes.js';
import type { Language } from '../src/protocol/generated/types.js';
import { isRpcError } from '../src/protocol/rpc-error.js';
import { adapterNames } from './adapter-catalogue.js';
import { AdapterClient } from './testing/adapter-client.js';

/** A trivial program per language: prints a line and gives a result. */
const trivial: Record<Language, string> = {
  javascript: 'console.log("hello from the sandbox"); return 6 * 7;',
  typescript: 'const n: number = 6 * 7; console.log("hello from the sandbox"); return n;',
  python: 'print("hello from the sandbox")\n6 * 7',
  shell: 'echo hello from the sandbox',
};

const clients: AdapterClient[] = [];
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
});

describe.each(adapterNames)('adapter %s', (name) => {
  const client = new AdapterClient(name);
  clients.push(client);

  const runsEachLanguage = 'initializes with its library name and version, and runs a trivial program in each language';
  it(
    runsEachLanguage,
    async () => {
      const init = await client.initialize();
      expect(init.executorInfo.version).not.toBe('unknown');
      // What a report needs to name what was measured: the library's installed version and Node's.
      expect(init.executorInfo.components).toContainEqual({ name: 'node', version: process.versions.node });
      if (name !== 'node-vm')
        expect(init.executorInfo.components).toContainEqual({
          name: init.executorInfo.name,
          version: init.executorInfo.version,
        });
      expect(init.executorInfo.description ?? '').not.toMatch(/UNAVAILABLE/);
      expect(init.capabilities.sessions.supported).toBe(false);
      for (const { id } of init.languages) {
        const result = await client.execute(id, trivial[id]);
        expect(result, `${name} ${id}: ${JSON.stringify(result).slice(0, 500)}`).toMatchObject({
          status: 'ok',
          result: 42,
          stdout: { text: 'hello from the sandbox\n', truncated: false },
        });
      }
    },
    240_000,
  );

  it('reports a syntax error as an outcome, not a fault', async () => {
    const init = await client.initialize().catch(() => undefined);
    const language = init?.languages[0]?.id ?? (name === 'pyodide' ? 'python' : 'javascript');
    const result = await client.execute(language, language === 'python' ? 'def broken(:' : 'let = ;');
    expect(result.status === 'error' && result.error.type).toBe('syntax');
  }, 60_000);

  const failsClosed =
    'fails closed: a network allow-list it cannot enforce is refused with -32004, and a wrong token with -32005';
  it(
    failsClosed,
    async () => {
      const language = name === 'pyodide' ? 'python' : 'javascript';
      const refusal = await client
        .execute(language, trivial[language], { network: { mode: 'allowlist', allow: ['127.0.0.1:9'] } })
        .then(
          () => undefined,
          (error: unknown) => error,
        );
      if (name === 'deno') expect(refusal).toBeUndefined();
      else
        expect(isRpcError(refusal, ErrorCodes.UnsupportedPolicy) && refusal.data?.unsupported).toEqual([
          '/policy/network',
        ]);
      const stranger = await client.peer
        .request('execute', {
          principal: { tenantId: 'attacker', userId: 'u', token: 'not-the-token' },
          language,
          code: trivial[language],
          policy: (await import('./testing/adapter-client.js')).policy(),
        })
        .catch((error: unknown) => error);
      expect(isRpcError(stranger, ErrorCodes.Unauthorized)).toBe(true);
    },
    60_000,
  );
});

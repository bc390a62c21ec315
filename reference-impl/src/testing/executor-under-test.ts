import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ExecuteParams, ExecuteResult, Language, Policy, Principal } from '../../../src/protocol/generated/types.js';
import { Peer } from '../../../src/protocol/peer.js';
import { PROTOCOL_VERSION } from '../../../src/protocol/version.js';
import { StdioClientTransport } from '../../../src/transports/stdio-client-transport.js';

/** The tenants every integration test's executor knows. */
export const tenants = { 'tenant-a': 'token-tenant-a-5f0c2b', 'tenant-b': 'token-tenant-b-91d7e4' } as const;
export const alice: Principal = { tenantId: 'tenant-a', userId: 'alice', token: tenants['tenant-a'] };
export const bob: Principal = { tenantId: 'tenant-b', userId: 'bob', token: tenants['tenant-b'] };

/** The repository root, found from this file whether it runs from src/ or dist/. */
function repositoryRoot(): string {
  let dir = import.meta.dirname;
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'reference-impl'))) dir = dirname(dir);
  return dir;
}

const MAIN = join(repositoryRoot(), 'dist/reference-impl/src/main.js');

/** A reference executor started over stdio, initialized, with helpers for the tests. */
export interface ExecutorUnderTest {
  peer: Peer;
  transport: StdioClientTransport;
  /** Everything the executor wrote to its log so far. */
  stderr(): string;
  execute(language: Language, code: string, overrides?: { policy?: Partial<Policy>; principal?: Principal } & Omit<Partial<ExecuteParams>, 'policy' | 'principal'>): Promise<ExecuteResult>;
  close(): Promise<void>;
}

export interface StartOptions {
  faults?: readonly string[];
  args?: readonly string[];
  /** Extra variables in the executor's own environment (canaries). */
  env?: Record<string, string>;
}

/** A strict default policy; tests override what they are about. */
export function policy(overrides: Partial<Policy> = {}): Policy {
  return {
    wallTimeMs: 5000,
    memoryBytes: 256 * 1024 * 1024,
    output: { stdoutBytes: 64 * 1024, stderrBytes: 64 * 1024, resultBytes: 64 * 1024, onExceed: 'truncate' },
    network: { mode: 'none' },
    filesystem: 'ephemeral',
    allowSubprocesses: false,
    ...overrides,
  };
}

/** Starts `node dist/reference-impl/src/main.js --stdio` and initializes it. */
export async function startExecutorUnderTest(options: StartOptions = {}): Promise<ExecutorUnderTest> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: the vitest global setup builds it`);
  let log = '';
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [MAIN, '--stdio', ...(options.args ?? []), ...(options.faults ?? []).flatMap((f) => ['--fault', f])],
    env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: process.env['HOME'] ?? '/root', GAUNTLET_TENANTS: JSON.stringify(tenants), ...options.env },
    onStderr: (chunk) => (log += chunk.toString('utf8')),
  });
  const peer = new Peer(transport, { role: 'harness', defaultDeadlineMs: 60_000 });
  peer.setRequestHandler('tool/call', async (params) => ({ value: { echo: params.arguments, name: params.name } }));
  await peer.start();
  await peer.request('initialize', { protocolVersion: PROTOCOL_VERSION, harnessInfo: { name: 'reference-impl-tests', version: '0' } });
  return {
    peer,
    transport,
    stderr: () => log,
    execute: (language, code, overrides = {}) => {
      const { policy: policyOverrides, principal, ...rest } = overrides;
      return peer.request('execute', { principal: principal ?? alice, language, code, policy: policy(policyOverrides), ...rest });
    },
    close: async () => {
      await peer.request('shutdown', {}, { deadlineMs: 15_000 }).catch(() => undefined);
      await transport.close();
    },
  };
}

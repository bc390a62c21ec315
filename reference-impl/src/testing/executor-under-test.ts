import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type {
  ExecuteParams,
  ExecuteResult,
  InitializeResult,
  Language,
  Policy,
  Principal,
  ToolCallParams,
  ToolCallResult,
} from '../../../src/protocol/generated/types.js';
import { defaultPolicy } from '../../../src/protocol/default-policy.js';
import { Peer } from '../../../src/protocol/peer.js';
import type { Transport } from '../../../src/protocol/transport.js';
import { PROTOCOL_VERSION } from '../../../src/protocol/version.js';
import { StdioClientTransport } from '../../../src/transports/stdio-client-transport.js';
import { WebSocketTransport } from '../../../src/transports/websocket-transport.js';

/** The tenants every integration test's executor knows. */
export const tenants = {
  'tenant-a': 'token-tenant-a-5f0c2b',
  'tenant-b': 'token-tenant-b-91d7e4',
  'tenant-r': 'token-tenant-r-0a33c8',
} as const;
export const alice: Principal = { tenantId: 'tenant-a', userId: 'alice', token: tenants['tenant-a'] };
export const bob: Principal = { tenantId: 'tenant-b', userId: 'bob', token: tenants['tenant-b'] };
export const rita: Principal = { tenantId: 'tenant-r', userId: 'rita', token: tenants['tenant-r'] };

/** The repository root, found from this file whether it runs from src/ or dist/. */
function repositoryRoot(): string {
  let dir = import.meta.dirname;
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'reference-impl'))) dir = dirname(dir);
  return dir;
}

/** The built executor's entry point. */
export const EXECUTOR_MAIN = join(repositoryRoot(), 'dist/reference-impl/src/main.js');

/** How a test answers the executor's tool calls. */
export type ToolHandler = (params: ToolCallParams, signal: AbortSignal) => Promise<ToolCallResult>;

/** Per-request options of {@link ExecutorUnderTest.execute}. */
export type ExecuteOverrides = { policy?: Partial<Policy>; principal?: Principal; deadlineMs?: number } & Omit<
  Partial<ExecuteParams>,
  'policy' | 'principal'
>;

/** A reference executor started as a real process, initialized, with helpers for the tests. */
export interface ExecutorUnderTest {
  peer: Peer;
  /** What the executor answered to initialize (its advertised capabilities and maximums). */
  info: InitializeResult;
  /** Everything the executor wrote to its log so far. */
  stderr(): string;
  /** Answers tool/call; the default echoes the arguments. Tests replace it and restore it. */
  toolHandler: ToolHandler;
  execute(language: Language, code: string, overrides?: ExecuteOverrides): Promise<ExecuteResult>;
  /** Creates a session for `principal` (alice by default) and returns its id. */
  createSession(language: Language, policy?: Partial<Policy>, principal?: Principal): Promise<string>;
  /** The executor's process id while it runs (its sandboxes' cgroups are named after it). */
  pid(): number | undefined;
  close(): Promise<void>;
}

export interface StartOptions {
  faults?: readonly string[];
  args?: readonly string[];
  /** Extra variables in the executor's own environment (canaries). */
  env?: Record<string, string>;
  /** stdio (the default) or a WebSocket on 127.0.0.1 with a port the executor picks. */
  transport?: 'stdio' | 'websocket';
  /** How the tenants' tokens reach the executor: GAUNTLET_TENANTS (the default) or `--tenants FILE`. */
  tenantsFile?: string;
}

/**
 * The harness's default policy (the one every case starts from), with a generous wall time
 * because the machine may be loaded; tests override what they are about.
 */
export function policy(overrides: Partial<Policy> = {}): Policy {
  return { ...defaultPolicy, wallTimeMs: 30_000, ...overrides };
}

export const echoTools: ToolHandler = async (params) => ({ value: { echo: params.arguments, name: params.name } });

/**
 * Starts `node dist/reference-impl/src/main.js` (over stdio or `--listen 127.0.0.1:0`) and
 * initializes it. Outgoing params are not validated, so tests can send what the executor must
 * refuse. The executor's environment holds only PATH, HOME, the tenants and the test's canaries.
 */
export async function startExecutorUnderTest(options: StartOptions = {}): Promise<ExecutorUnderTest> {
  if (!existsSync(EXECUTOR_MAIN)) throw new Error(`${EXECUTOR_MAIN} is missing: the vitest global setup builds it`);
  let log = '';
  const onStderr = (chunk: Buffer) => (log = (log + chunk.toString('utf8')).slice(-4 * 1024 * 1024));
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '/usr/bin:/bin',
    HOME: process.env['HOME'] ?? '/root',
    ...options.env,
  };
  if (options.tenantsFile) writeFileSync(options.tenantsFile, JSON.stringify(tenants), { mode: 0o600 });
  else env['GAUNTLET_TENANTS'] = JSON.stringify(tenants);
  const flags = [
    ...(options.tenantsFile ? ['--tenants', options.tenantsFile] : []),
    ...(options.args ?? []),
    ...(options.faults ?? []).flatMap((f) => ['--fault', f]),
  ];
  const { transport, stopProcess, pid } =
    options.transport === 'websocket'
      ? await listeningExecutor(flags, env, onStderr)
      : stdioExecutor(flags, env, onStderr);
  const peer = new Peer(transport, { role: 'harness', defaultDeadlineMs: 60_000, validateOutgoing: false });
  const executor: ExecutorUnderTest = {
    peer,
    info: undefined as unknown as InitializeResult,
    stderr: () => log,
    pid,
    toolHandler: echoTools,
    execute: (language, code, overrides = {}) => {
      const { policy: policyOverrides, principal, deadlineMs, ...rest } = overrides;
      return peer.request(
        'execute',
        { principal: principal ?? alice, language, code, policy: policy(policyOverrides), ...rest },
        deadlineMs === undefined ? {} : { deadlineMs },
      );
    },
    createSession: async (language, policyOverrides = {}, principal = alice) =>
      (
        await peer.request('session/create', {
          principal,
          language,
          policy: policy({ filesystem: 'session', ...policyOverrides }),
        })
      ).sessionId,
    close: async () => {
      await peer.request('shutdown', {}, { deadlineMs: 15_000 }).catch(() => undefined);
      await transport.close();
      await stopProcess();
    },
  };
  peer.setRequestHandler('tool/call', (params, { signal }) => executor.toolHandler(params, signal));
  await peer.start();
  executor.info = await peer.request('initialize', {
    protocolVersion: PROTOCOL_VERSION,
    harnessInfo: { name: 'reference-impl-tests', version: '0' },
  });
  return executor;
}

interface Connection {
  transport: Transport;
  stopProcess(): Promise<void>;
  pid(): number | undefined;
}

function stdioExecutor(flags: string[], env: Record<string, string>, onStderr: (chunk: Buffer) => void): Connection {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [EXECUTOR_MAIN, '--stdio', ...flags],
    env,
    onStderr,
  });
  // The stdio transport owns the process: closing it ends the executor.
  return { transport, stopProcess: async () => undefined, pid: () => transport.pid };
}

/** Spawns `--listen 127.0.0.1:0`, reads the port from the executor's log line, then connects. */
async function listeningExecutor(
  flags: string[],
  env: Record<string, string>,
  onStderr: (chunk: Buffer) => void,
): Promise<Connection> {
  const child = spawn(process.execPath, [EXECUTOR_MAIN, '--listen', '127.0.0.1:0', ...flags], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let seen = '';
  let stdoutBytes = 0;
  child.stdout.on('data', (chunk: Buffer) => (stdoutBytes += chunk.length));
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the executor did not say where it listens within 30 s: ${seen.slice(-2000)}`)),
      30_000,
    );
    child.once('close', (code) =>
      reject(new Error(`the executor exited (${code}) before listening: ${seen.slice(-2000)}`)),
    );
    child.stderr.on('data', (chunk: Buffer) => {
      onStderr(chunk);
      seen += chunk.toString('utf8');
      const match = /listening on ws:\/\/127\.0\.0\.1:(\d+)/.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
  });
  const stopProcess = async () => {
    // A listening executor has no stdin to lose, so it is stopped by signal once its peer is gone.
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
    if (stdoutBytes > 0) throw new Error(`the listening executor wrote ${stdoutBytes} bytes to stdout`);
  };
  return { transport: WebSocketTransport.connect(`ws://127.0.0.1:${port}/`), stopProcess, pid: () => child.pid };
}

import { packageInfo } from '../../src/config/package-root.js';
import { defaultPolicy } from '../../src/protocol/default-policy.js';
import type {
  ExecuteParams,
  ExecuteResult,
  InitializeResult,
  Language,
  Policy,
} from '../../src/protocol/generated/types.js';
import { Peer } from '../../src/protocol/peer.js';
import { PROTOCOL_VERSION } from '../../src/protocol/version.js';
import { fitPolicy } from '../../src/runner/fit-policy.js';
import { StdioClientTransport } from '../../src/transports/stdio-client-transport.js';
import { adapterLaunch } from '../adapter-catalogue.js';

const root = packageInfo().root;

/** The tenant every test uses. */
export const principal = { tenantId: 'attacker', userId: 'u1', token: 'attacker-token-0123456789' };

/** The harness's default policy, with overrides. */
export function policy(overrides: Partial<Policy> = {}): Policy {
  return { ...structuredClone(defaultPolicy), ...overrides } as Policy;
}

/**
 * A harness-side connection to one built adapter (from dist/), spawned exactly as the
 * `adapter:<name>` target spawns it, with `env` as extra environment (canaries in tests).
 */
export class AdapterClient {
  readonly stderr: string[] = [];
  readonly peer: Peer;
  readonly #transport: StdioClientTransport;
  /** The default policy fitted to the adapter's declarations, as `gauntlet run` fits it; set by initialize(). */
  #fitted: Policy | undefined;

  constructor(name: string, env: Record<string, string> = {}) {
    const launch = adapterLaunch(name, root);
    this.#transport = new StdioClientTransport({
      command: launch.command,
      args: launch.args,
      cwd: root,
      env: {
        PATH: process.env['PATH'] ?? '/usr/bin:/bin',
        GAUNTLET_TENANTS: JSON.stringify({ attacker: principal.token }),
        ...env,
      },
      onStderr: (chunk) => this.stderr.push(chunk.toString()),
    });
    this.peer = new Peer(this.#transport, { role: 'harness', defaultDeadlineMs: 60_000 });
  }

  async initialize(): Promise<InitializeResult> {
    await this.peer.start();
    const answer = await this.peer.request(
      'initialize',
      { protocolVersion: PROTOCOL_VERSION, harnessInfo: { name: 'adapter-test', version: '0' } },
      { deadlineMs: 120_000 },
    );
    this.#fitted = fitPolicy(policy(), answer.capabilities);
    return answer;
  }

  /**
   * Executes with the harness default fitted to the adapter's declarations (as `gauntlet run` sends
   * it), then `overrides`.
   */
  execute(
    language: Language,
    code: string,
    overrides: Partial<Policy> = {},
    extra: Partial<ExecuteParams> = {},
  ): Promise<ExecuteResult> {
    return this.peer.request(
      'execute',
      { principal, language, code, policy: { ...(this.#fitted ?? policy()), ...overrides }, ...extra },
      { deadlineMs: 60_000 },
    );
  }

  async close(): Promise<void> {
    await this.peer.request('shutdown', {}, { deadlineMs: 5000 }).catch(() => undefined);
    await this.#transport.close().catch(() => this.#transport.kill());
  }
}

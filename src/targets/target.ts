import type { CanarySettings, StdioTarget, Tenants, WebSocketTarget } from '../config/generated/types.js';
import type { PolicyOverrides } from '../scenarios/generated/types.js';
import type { Transport } from '../protocol/transport.js';

/** An executor living in this process, for tests: `connect` starts it and returns the harness's end. */
export interface InMemoryTarget {
  transport: 'in-memory';
  description?: string;
  /** Starts one executor with `env` as its environment; returns the harness's end of the channel. */
  connect(env: Record<string, string>): Transport;
  tenants?: Tenants;
  canaries?: CanarySettings;
  policy?: PolicyOverrides;
}

/** How to reach an executor: spawn it over stdio, connect over WebSocket, or start it in process. */
export type TargetSpec = StdioTarget | WebSocketTarget | InMemoryTarget;

/** A resolved target: its name (reference, a config name, or the literal given) and its spec. */
export interface Target {
  name: string;
  spec: TargetSpec;
}

/** True when Gauntlet starts the executor's process, and so controls its environment. */
export function isStartedByGauntlet(spec: TargetSpec): boolean {
  return spec.transport !== 'websocket';
}

/** True when the executor runs on this machine: spawned here, or reached at a loopback address. */
export function isSameHost(spec: TargetSpec): boolean {
  if (spec.transport !== 'websocket') return true;
  const host = new URL(spec.url).hostname;
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
}

/** The command line or URL, for reports and logs; never credentials. */
export function describeTarget(spec: TargetSpec): string {
  switch (spec.transport) {
    case 'stdio':
      return [spec.command, ...(spec.args ?? [])].join(' ');
    case 'websocket': {
      const url = new URL(spec.url);
      url.username = '';
      url.password = '';
      url.search = '';
      return url.toString();
    }
    case 'in-memory':
      return spec.description ?? 'in-memory executor';
  }
}

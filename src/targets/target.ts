import type { CanarySettings, StdioTarget, Tenants, WebSocketTarget } from '../config/generated/types.js';
import type { PolicyOverrides } from '../scenarios/generated/types.js';
import type { Transport } from '../protocol/transport.js';

/** The harness's end of one executor connection, and how to stop the executor behind it. */
export interface OpenedTransport {
  transport: Transport;
  /** Stops the executor at once (a hung executor gets no shutdown). Defaults to closing the transport. */
  kill?(): void;
  /** Streams the executor's own log (its stderr) to `sink`, so leaks there are found too. */
  pipeLog?(sink: (text: string) => void): void;
}

/**
 * An executor that a target kind starts itself: in process (tests), in a container (`docker:`),
 * through a third-party adapter (`adapter:`). `connect` starts one executor with `env` added to
 * its environment and returns the harness's end of the channel, not yet started.
 */
export interface ConnectTarget {
  /** The kind's transport name, as the report shows it: in-memory, docker, adapter... */
  transport: string;
  description: string;
  /** Gauntlet starts a fresh executor per connection and sets its environment (env canaries work). */
  startedByGauntlet: boolean;
  /** The executor runs on this machine and can read its files and reach its loopback. */
  sameHost: boolean;
  connect(env: Record<string, string>): OpenedTransport | Promise<OpenedTransport>;
  tenants?: Tenants;
  canaries?: CanarySettings;
  policy?: PolicyOverrides;
}

/** How to reach an executor: spawn it over stdio, connect over WebSocket, or let a kind connect it. */
export type TargetSpec = StdioTarget | WebSocketTarget | ConnectTarget;

/** A resolved target: its name (reference, a config name, or the literal given) and its spec. */
export interface Target {
  name: string;
  spec: TargetSpec;
}

/** True for targets whose kind connects the executor itself. */
export function isConnectTarget(spec: TargetSpec): spec is ConnectTarget {
  return 'connect' in spec;
}

/** True when Gauntlet starts the executor's process, and so controls its environment. */
export function isStartedByGauntlet(spec: TargetSpec): boolean {
  if (isConnectTarget(spec)) return spec.startedByGauntlet;
  return spec.transport === 'stdio';
}

/** True when the executor runs on this machine: spawned here, or reached at a loopback address. */
export function isSameHost(spec: TargetSpec): boolean {
  if (isConnectTarget(spec)) return spec.sameHost;
  if (spec.transport === 'stdio') return true;
  const host = new URL(spec.url).hostname;
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
}

/** The command line or URL, for reports and logs; never credentials. */
export function describeTarget(spec: TargetSpec): string {
  if (isConnectTarget(spec)) return spec.description;
  if (spec.transport === 'stdio') return [spec.command, ...(spec.args ?? [])].join(' ');
  const url = new URL(spec.url);
  url.username = '';
  url.password = '';
  url.search = '';
  return url.toString();
}

import type { CanarySettings, Tenants } from '../config/generated/types.js';
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

/** What a target may know when it opens a connection. */
export interface ConnectContext {
  /** How long the executor may take to start and answer initialize (a connect timeout, for one). */
  initializeDeadlineMs: number;
}

/**
 * How to reach one kind of executor, whatever the kind: a process over stdio, a running one over
 * WebSocket, a container, an adapter. `connect` starts (or reaches) one executor with `env` added
 * to its environment where Gauntlet starts it, and returns the harness's end of the channel, not
 * yet started. Everything the runner needs to know about the target is here; nothing switches on
 * the kind.
 */
export interface TargetSpec {
  /** The kind's transport name, as the report shows it: stdio, websocket, docker, in-memory... */
  transport: string;
  /** The command line, URL or image, for reports and logs; never credentials. */
  description: string;
  /** Gauntlet starts a fresh executor per connection and sets its environment (env canaries work). */
  startedByGauntlet: boolean;
  /** The executor runs on this machine and can read its files and reach its loopback. */
  sameHost: boolean;
  connect(env: Record<string, string>, context: ConnectContext): OpenedTransport | Promise<OpenedTransport>;
  tenants?: Tenants;
  canaries?: CanarySettings;
  policy?: PolicyOverrides;
}

/** A resolved target: its name (reference, a config name, or the literal given) and its spec. */
export interface Target {
  name: string;
  spec: TargetSpec;
}

import { StringDecoder } from 'node:string_decoder';
import type { ProtocolViolation } from '../protocol/protocol-violation.js';
import { StdioClientTransport } from '../transports/stdio-client-transport.js';
import { WebSocketTransport } from '../transports/websocket-transport.js';
import { connectionOver, type ExecutorConnection } from './executor-connection.js';
import { isConnectTarget, type Target } from './target.js';

/** How to start one executor connection. */
export interface LaunchOptions {
  /** Variables added to the environment of executors Gauntlet starts: GAUNTLET_TENANTS, canaries. */
  env: Record<string, string>;
  harnessVersion: string;
  /** How long the executor may take to start and answer initialize. */
  initializeDeadlineMs: number;
  /** Deadline of requests that give none. */
  requestDeadlineMs: number;
  /** Receives every protocol violation of the connection, from its first frame on (initialize included). */
  onViolation?: (violation: ProtocolViolation) => void;
}

/**
 * Opens one initialized connection to the target. Spawned executors get an explicit environment:
 * PATH, the target's env, then `options.env`; nothing else of Gauntlet's own environment leaks in.
 */
export async function launchExecutor(target: Target, options: LaunchOptions): Promise<ExecutorConnection> {
  const spec = target.spec;
  let connection: ExecutorConnection;
  if (isConnectTarget(spec)) {
    const opened = await spec.connect({ ...options.env });
    const kill = opened.kill ?? (() => void opened.transport.close());
    connection = connectionOver(opened.transport, { kill, close: () => opened.transport.close() }, options.requestDeadlineMs);
    opened.pipeLog?.((text) => connection.log(text));
  } else if (spec.transport === 'stdio') {
    const decoder = new StringDecoder('utf8');
    const transport = new StdioClientTransport({
      command: spec.command,
      args: spec.args ?? [],
      ...(spec.cwd ? { cwd: spec.cwd } : {}),
      env: { PATH: process.env['PATH'] ?? '/usr/local/bin:/usr/bin:/bin', ...spec.env, ...options.env },
      onStderr: (chunk) => connection.log(decoder.write(chunk)),
      closeGraceMs: 1000,
    });
    connection = connectionOver(transport, { kill: () => transport.kill(), close: () => transport.close() }, options.requestDeadlineMs);
  } else {
    const transport = WebSocketTransport.connect(spec.url, { connectTimeoutMs: options.initializeDeadlineMs });
    connection = connectionOver(transport, { kill: () => void transport.close(), close: () => transport.close() }, options.requestDeadlineMs);
  }
  if (options.onViolation) connection.onViolation(options.onViolation);
  try {
    await connection.open(options.initializeDeadlineMs, options.harnessVersion);
  } catch (error) {
    await connection.kill();
    throw error;
  }
  return connection;
}

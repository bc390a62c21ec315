import type { ProtocolViolation } from '../protocol/protocol-violation.js';
import { connectionOver, type ExecutorConnection } from './executor-connection.js';
import type { Target } from './target.js';

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

/** Opens one initialized connection to the target, whatever its kind. */
export async function launchExecutor(target: Target, options: LaunchOptions): Promise<ExecutorConnection> {
  const opened = await target.spec.connect({ ...options.env }, { initializeDeadlineMs: options.initializeDeadlineMs });
  const kill = opened.kill ?? (() => void opened.transport.close());
  const connection = connectionOver(
    opened.transport,
    { kill, close: () => opened.transport.close() },
    options.requestDeadlineMs,
  );
  opened.pipeLog?.((text) => connection.log(text));
  if (options.onViolation) connection.onViolation(options.onViolation);
  try {
    await connection.open(options.initializeDeadlineMs, options.harnessVersion);
  } catch (error) {
    await connection.kill();
    throw error;
  }
  return connection;
}

import type { WebSocketTarget } from '../config/generated/types.js';
import { WebSocketTransport } from '../transports/websocket-transport.js';
import type { TargetSpec } from './target.js';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * An executor that is already running, reached over WebSocket. Gauntlet neither starts it nor
 * sets its environment; it is on this host only when the URL is a loopback address. The
 * description is the URL without credentials or query.
 */
export function webSocketTarget(config: WebSocketTarget): TargetSpec & WebSocketTarget {
  const url = new URL(config.url);
  const shown = new URL(config.url);
  shown.username = '';
  shown.password = '';
  shown.search = '';
  return {
    ...config,
    description: shown.toString(),
    startedByGauntlet: false,
    sameHost: LOOPBACK.has(url.hostname),
    connect: (_env, { initializeDeadlineMs }) => ({
      transport: WebSocketTransport.connect(config.url, { connectTimeoutMs: initializeDeadlineMs }),
    }),
  };
}

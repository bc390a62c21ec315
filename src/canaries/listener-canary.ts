import type { Canary } from './canary.js';
import { openLoopbackListeners } from './loopback-listeners.js';

/**
 * TCP, HTTP and UDP listeners on 127.0.0.1, fresh for the case. Any contact is evidence: under
 * the case's policy no code may reach them. The hits are also a channel searched for every token.
 */
export const listenerCanary: Canary = {
  kind: 'listener',
  description: 'TCP, HTTP and UDP listeners on 127.0.0.1 that record every contact',
  requires: [],
  variables: ['host', 'tcp.port', 'http.port', 'http.url', 'udp.port'],
  unsupportedReason: (target) =>
    target.sameHost
      ? undefined
      : "the listener canary listens on Gauntlet's loopback, which a remote executor cannot reach",
  async plant() {
    const listeners = await openLoopbackListeners();
    return {
      kind: 'listener',
      tokens: [],
      variables: {
        host: listeners.host,
        'tcp.port': String(listeners.tcpPort),
        'http.port': String(listeners.httpPort),
        'http.url': `http://${listeners.host}:${listeners.httpPort}/collect`,
        'udp.port': String(listeners.udpPort),
      },
      hits: () => listeners.hits(),
      release: () => listeners.close(),
    };
  },
};

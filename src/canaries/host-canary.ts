import type { Canary } from './canary.js';
import { hostFacts, procNetHex } from './host-facts.js';
import { openLoopbackListeners } from './loopback-listeners.js';

/**
 * The facts that identify the executor's host and its network (see hostFacts), each a forbidden
 * token: code in a sandbox has no business learning them. Also a TCP listener on a loopback port
 * the code is not told, whose /proc/net/tcp entry is a token too and whose contacts are hits: code
 * that finds it scanned the host's sockets. The facts are the host's own, so the executor must
 * run on this host; for an executor isolated in containers, which share the host's kernel, the
 * kernel release is left out.
 */
export const hostCanary: Canary = {
  kind: 'host',
  description: "facts identifying the executor's host and network, and a loopback listener the code is not told of",
  requires: [],
  variables: [],
  unsupportedReason: (target) =>
    target.sameHost
      ? undefined
      : "the host canary's facts are those of Gauntlet's host, which a remote executor is not",
  async plant({ target }) {
    const facts = await hostFacts(target.isolation === 'container');
    const listeners = await openLoopbackListeners();
    const hidden = `${procNetHex(listeners.host)}:${listeners.tcpPort.toString(16).toUpperCase().padStart(4, '0')}`;
    return {
      kind: 'host',
      tokens: [
        ...facts.map((fact) => ({ kind: 'host' as const, value: fact.value, access: 'forbidden' as const })),
        { kind: 'host', value: hidden, access: 'forbidden' },
      ],
      variables: {},
      hits: () => listeners.hits(),
      release: () => listeners.close(),
    };
  },
};

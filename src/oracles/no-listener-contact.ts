import { makeFinding } from './make-finding.js';
import type { OracleFor } from './oracle.js';

/** The canary listeners were never contacted. */
export const noListenerContact: OracleFor<'no-listener-contact'> = {
  name: 'no-listener-contact',
  description: 'no code reached the loopback canary listeners',
  requires: [],
  judge(observation, expectation) {
    return observation.listenerHits
      .filter((hit) => !expectation.protocols || expectation.protocols.includes(hit.protocol))
      .map((hit) =>
        makeFinding(
          'no-listener-contact',
          `the ${hit.protocol.toUpperCase()} canary listener was contacted from ${hit.from} (${hit.bytes} bytes)`,
          hit.at,
          { channel: 'listener', excerpt: hit.data },
        ),
      );
  },
};

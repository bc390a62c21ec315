import { channelTexts } from './channel-text.js';
import { findLeaks } from './find-leaks.js';
import { leakEncodings } from './granted-encodings.js';
import { leakFinding } from './leak-finding.js';
import type { OracleFor } from './oracle.js';

/** No canary token of the case appears on any channel, plain or encoded. */
export const noCanaryLeak: OracleFor<'no-canary-leak'> = {
  name: 'no-canary-leak',
  description: 'no canary token surfaces on any channel, in any encoding',
  requires: [],
  judge(observation, expectation) {
    const tokens = observation.tokens.filter((t) => !expectation.canaries || expectation.canaries.includes(t.kind));
    const texts = channelTexts(observation).filter(
      (t) => !expectation.channels || expectation.channels.includes(t.channel),
    );
    return findLeaks(
      texts,
      tokens.map((token) => ({ token, encodings: leakEncodings(token, observation.capabilities) })),
    ).map((leak) => leakFinding('no-canary-leak', `the ${leak.token.kind} canary's token came back`, leak));
  },
};

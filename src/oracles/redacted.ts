import { channelTexts } from './channel-text.js';
import { findLeaks } from './find-leaks.js';
import { leakEncodings } from './granted-encodings.js';
import { leakFinding } from './leak-finding.js';
import type { OracleFor } from './oracle.js';

/** Declared secrets come back redacted: never plain, never in an encoding the executor claims to redact. */
export const redacted: OracleFor<'redacted'> = {
  name: 'redacted',
  description: 'declared secrets never come back unredacted',
  requires: [],
  judge(observation, expectation) {
    const kinds: readonly string[] = expectation.canaries ?? ['secret', 'tool-result'];
    const tokens = observation.tokens.filter((t) => t.access === 'granted' && kinds.includes(t.kind));
    return findLeaks(
      channelTexts(observation),
      tokens.map((token) => ({ token, encodings: leakEncodings(token, observation.capabilities) })),
    ).map((leak) => leakFinding('redacted', `a declared secret (${leak.token.kind}) came back unredacted`, leak));
  },
};

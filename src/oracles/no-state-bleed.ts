import { ALL_ENCODINGS } from '../canaries/token-encodings.js';
import { channelTexts } from './channel-text.js';
import { findLeaks } from './find-leaks.js';
import { makeFinding } from './make-finding.js';
import type { OracleFor } from './oracle.js';

/**
 * State planted earlier (the case nonce, written by a step, or the victim's tenant token) never
 * shows in the output of the observed steps.
 */
export const noStateBleed: OracleFor<'no-state-bleed'> = {
  name: 'no-state-bleed',
  description: 'state from earlier executions, sessions or tenants does not reach the observed steps',
  requires: [],
  judge(observation, expectation) {
    const observed: readonly string[] = expectation.observe;
    const texts = channelTexts(observation).filter((t) => t.step !== undefined && observed.includes(t.step));
    const nonce = {
      token: { kind: 'tenant' as const, value: observation.nonce, access: 'forbidden' as const },
      encodings: ALL_ENCODINGS,
    };
    const tenantTokens = observation.tokens
      .filter((t) => t.kind === 'tenant')
      .map((token) => ({ token, encodings: ALL_ENCODINGS }));
    return findLeaks(texts, [nonce, ...tenantTokens]).map((leak) => {
      const what =
        leak.token.value === observation.nonce ? 'the nonce planted by an earlier step' : "the victim tenant's token";
      return makeFinding('no-state-bleed', `${what} showed up in step ${leak.step} (${leak.channel})`, leak.at, {
        channel: leak.channel,
        ...(leak.step === undefined ? {} : { step: leak.step }),
        excerpt: leak.excerpt,
        encoding: leak.encoding,
        ...(leak.token.value === observation.nonce ? {} : { canary: 'tenant' as const }),
      });
    });
  },
};

import type { Finding } from '../report/generated/types.js';
import type { Leak } from './find-leaks.js';
import { makeFinding } from './make-finding.js';

/**
 * The finding for a leak: `what` came back on the leak's channel (saying in which encoding, when
 * not plain), with the step, the excerpt, the canary and the encoding as evidence.
 */
export function leakFinding(oracle: string, what: string, leak: Leak): Finding {
  const encoded = leak.encoding === 'plain' ? '' : `, ${leak.encoding}-encoded`;
  return makeFinding(oracle, `${what} on ${leak.channel}${encoded}`, leak.at, {
    channel: leak.channel,
    ...(leak.step === undefined ? {} : { step: leak.step }),
    excerpt: leak.excerpt,
    canary: leak.token.kind,
    encoding: leak.encoding,
  });
}

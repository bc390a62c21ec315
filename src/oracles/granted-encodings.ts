import type { CanaryToken } from '../canaries/canary-token.js';
import { ALL_ENCODINGS, type TokenEncoding } from '../canaries/token-encodings.js';
import type { Capabilities } from '../protocol/generated/types.js';

/**
 * The encodings in which a token counts as leaked. A forbidden token is a leak in any encoding:
 * the code should never have had it. A granted one (a declared secret the code may use) only
 * plain or in an encoding the executor says it redacts, since code can always disguise what it
 * legitimately holds.
 */
export function leakEncodings(token: CanaryToken, capabilities: Capabilities): readonly TokenEncoding[] {
  return token.access === 'forbidden' ? ALL_ENCODINGS : ['plain', ...capabilities.redaction.encodings];
}

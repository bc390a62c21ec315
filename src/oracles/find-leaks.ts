import type { CanaryToken } from '../canaries/canary-token.js';
import { encodeToken, type TokenEncoding } from '../canaries/token-encodings.js';
import type { Channel } from '../scenarios/generated/types.js';
import type { ChannelText } from './channel-text.js';

/** One token found where it must not be. */
export interface Leak {
  token: CanaryToken;
  encoding: TokenEncoding;
  channel: Channel;
  step?: string;
  at: number;
  excerpt: string;
}

const CONTEXT = 60;

/**
 * Searches every text for every token in the given encodings. One leak per token, channel, step
 * and encoding: the first occurrence, with an excerpt around it.
 */
export function findLeaks(
  texts: readonly ChannelText[],
  searches: ReadonlyArray<{ token: CanaryToken; encodings: readonly TokenEncoding[] }>,
): Leak[] {
  const leaks: Leak[] = [];
  for (const { token, encodings } of searches) {
    const needles = encodeToken(token.value, encodings);
    for (const text of texts) {
      const seen = new Set<TokenEncoding>();
      for (const { encoding, needle } of needles) {
        if (seen.has(encoding)) continue;
        const index = text.text.indexOf(needle);
        if (index < 0) continue;
        seen.add(encoding);
        leaks.push({
          token,
          encoding,
          channel: text.channel,
          ...(text.step === undefined ? {} : { step: text.step }),
          at: text.atIndex(index),
          excerpt: excerptAround(text.text, index, needle.length),
        });
      }
    }
  }
  return leaks;
}

/** The match with some context on each side, marked where the text was cut. */
export function excerptAround(text: string, index: number, length: number): string {
  const start = Math.max(0, index - CONTEXT);
  const end = Math.min(text.length, index + length + CONTEXT);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}

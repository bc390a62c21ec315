/**
 * How a token may be disguised on its way out. base64 comes in three alignments because the
 * token's position in the encoded stream changes every character of its encoding.
 */
export type TokenEncoding = 'plain' | 'base64' | 'base64url' | 'hex' | 'url' | 'reversed';

/** Every encoding the leak detector knows. */
export const ALL_ENCODINGS: readonly TokenEncoding[] = ['plain', 'base64', 'base64url', 'hex', 'url', 'reversed'];

/** One string to search for, and which encoding of the token it is. */
export interface EncodedToken {
  encoding: TokenEncoding;
  needle: string;
}

/** The strings that betray `token` in each of `encodings`. */
export function encodeToken(token: string, encodings: readonly TokenEncoding[]): EncodedToken[] {
  const bytes = Buffer.from(token, 'utf8');
  const hex = bytes.toString('hex');
  const variants: Record<TokenEncoding, () => string[]> = {
    plain: () => [token],
    base64: () => alignments(bytes, 'base64'),
    base64url: () => alignments(bytes, 'base64url'),
    hex: () => [hex, hex.toUpperCase()],
    url: () => [hex.replace(/../g, '%$&'), hex.toUpperCase().replace(/../g, '%$&')],
    reversed: () => [[...token].reverse().join('')],
  };
  return encodings.flatMap((encoding) => [...new Set(variants[encoding]())].map((needle) => ({ encoding, needle })));
}

/**
 * The part of the encoding that depends on the token alone, for the token placed at byte offset
 * 0, 1 and 2 of the encoded stream: characters mixing in neighbouring bytes are cut off.
 */
function alignments(bytes: Buffer, encoding: 'base64' | 'base64url'): string[] {
  return [0, 1, 2].map((offset) => {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString(encoding);
    return encoded.slice(Math.ceil((offset * 8) / 6), Math.floor(((offset + bytes.length) * 8) / 6));
  });
}

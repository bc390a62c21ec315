/**
 * Every text form of a secret that redaction looks for: the plain value, its base64 at each of
 * the three byte alignments (standard and URL-safe alphabets), its hex (both cases) and its URL
 * encodings. A secret embedded in a longer base64 string is only visible as the "core" of its
 * encoding at one alignment: the characters that do not depend on the neighbouring bytes.
 */
export function secretVariants(value: string): string[] {
  const bytes = Buffer.from(value, 'utf8');
  const variants = new Set<string>([value]);
  // 1. base64 at offsets 0, 1 and 2: encode with a prefix of that many bytes, then keep only the
  //    characters determined by the secret's bytes alone.
  for (let offset = 0; offset < 3; offset++) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
    const skip = offset === 0 ? 0 : offset === 1 ? 2 : 3;
    const tailBits = ((offset + bytes.length) * 8) % 6;
    const core = encoded.replace(/=+$/, '').slice(skip, tailBits === 0 ? undefined : -1);
    if (core.length >= 8) {
      variants.add(core);
      variants.add(core.replace(/\+/g, '-').replace(/\//g, '_'));
    }
  }
  // 2. hex, lower and upper case.
  const hex = bytes.toString('hex');
  variants.add(hex);
  variants.add(hex.toUpperCase());
  // 3. URL encodings: the usual one, and every byte percent-encoded in both cases.
  variants.add(encodeURIComponent(value));
  variants.add(encodeURIComponent(value).replace(/%20/g, '+'));
  const everyByte = [...bytes].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
  variants.add(everyByte);
  variants.add(everyByte.toUpperCase());
  return [...variants];
}

/** The longest text any variant of a secret can take, for stream hold-back. */
export function longestVariant(value: string): number {
  return Buffer.byteLength(value, 'utf8') * 3;
}

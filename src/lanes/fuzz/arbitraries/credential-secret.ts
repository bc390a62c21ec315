import fc from 'fast-check';
import type { CredentialShape } from '../../../protocol/generated/types.js';

/** A secret the code will emit: a declared one (in policy.secrets) or an undeclared credential shape. */
export type GeneratedSecret =
  | { kind: 'declared'; value: string }
  | {
      kind: 'shape';
      shape: CredentialShape;
      value: string;
      /** The parts whose presence betrays it (a PEM key's body lines). */ needles: string[];
    };

const UPPER_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const ALNUM = `${UPPER_DIGITS}abcdefghijklmnopqrstuvwxyz`;
const B64URL = `${ALNUM}-_`;
const B64 = `${ALNUM}+/`;
/** Characters of declared secrets: no quotes, backslashes or controls (JSON would escape them), some non-ASCII. */
const SECRET_CHARS = `${ALNUM}-_.~+/=@:!*é中ßΩ`;

function word(alphabet: string, min: number, max = min): fc.Arbitrary<string> {
  return fc.string({ unit: fc.constantFrom(...alphabet), minLength: min, maxLength: max });
}

function b64url(text: string): string {
  return Buffer.from(text).toString('base64url');
}

/** Credential shapes after the providers' documented formats. */
const shapes: Record<CredentialShape, fc.Arbitrary<{ value: string; needles: string[] }>> = {
  'aws-access-key': fc.tuple(fc.constantFrom('AKIA', 'ASIA'), word(UPPER_DIGITS, 16)).map(([p, r]) => plain(p + r)),
  'github-token': fc
    .tuple(fc.constantFrom('ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'), word(ALNUM, 36))
    .map(([p, r]) => plain(p + r)),
  'stripe-key': fc
    .tuple(fc.constantFrom('sk_live_', 'sk_test_', 'rk_live_'), word(ALNUM, 24, 40))
    .map(([p, r]) => plain(p + r)),
  jwt: fc
    .tuple(word(ALNUM, 4, 12), fc.integer({ min: 1_600_000_000, max: 2_000_000_000 }), word(B64URL, 43))
    .map(([sub, iat, sig]) =>
      plain(`${b64url('{"alg":"HS256","typ":"JWT"}')}.${b64url(JSON.stringify({ sub, iat }))}.${sig}`),
    ),
  'pem-private-key': fc.array(word(B64, 64), { minLength: 2, maxLength: 5 }).map((lines) => ({
    value: `-----BEGIN PRIVATE KEY-----\n${lines.join('\n')}\n-----END PRIVATE KEY-----`,
    needles: lines,
  })),
};

function plain(value: string): { value: string; needles: string[] } {
  return { value, needles: [value] };
}

/**
 * Secrets in the shapes the executor says it recognises, and declared secrets of at least its
 * minimum length. Declared secrets are kept to characters that JSON does not escape, so that
 * "unredacted" means the same text on both sides.
 */
export function secretArbitrary(
  shapesDeclared: readonly CredentialShape[],
  minSecretLength: number,
): fc.Arbitrary<GeneratedSecret> {
  const declared = word(SECRET_CHARS, Math.max(8, minSecretLength), 40).map((value): GeneratedSecret => ({
    kind: 'declared',
    value,
  }));
  const known = shapesDeclared.filter((s) => s in shapes);
  if (known.length === 0) return declared;
  const shaped = fc
    .constantFrom(...known)
    .chain((shape) =>
      shapes[shape].map(({ value, needles }): GeneratedSecret => ({ kind: 'shape', shape, value, needles })),
    );
  return fc.oneof(declared, shaped);
}

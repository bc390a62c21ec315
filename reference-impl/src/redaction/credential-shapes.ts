import type { CredentialShape } from '../../../src/protocol/generated/types.js';

/** A credential format redacted wherever it appears, even when no one declared it secret. */
export interface ShapeRule {
  shape: CredentialShape;
  /** Marker name: `[REDACTED:<name>]`. */
  name: string;
  pattern: RegExp;
}

/**
 * Credential shapes, after the providers' documented formats. Patterns are anchored on word
 * boundaries so that they do not fire inside longer identifiers.
 */
export const credentialShapes: readonly ShapeRule[] = [
  { shape: 'aws-access-key', name: 'AWS_ACCESS_KEY', pattern: /\b(?:AKIA|ASIA|ABIA|ACCA|AIDA|AROA)[A-Z0-9]{16}\b/g },
  {
    shape: 'github-token',
    name: 'GITHUB_TOKEN',
    pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})\b/g,
  },
  { shape: 'stripe-key', name: 'STRIPE_KEY', pattern: /\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{10,247}\b/g },
  { shape: 'jwt', name: 'JWT', pattern: /\beyJ[A-Za-z0-9_-]{2,}\.eyJ[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*/g },
  {
    shape: 'pem-private-key',
    name: 'PEM_PRIVATE_KEY',
    // An END line may be missing when output was cut: the key body is redacted all the same.
    pattern:
      /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----[\s\S]*?(?:-----END (?:[A-Z0-9]+ )*PRIVATE KEY-----|$(?![\s\S]))/g,
  },
];

import { createHmac } from 'node:crypto';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

/**
 * Derives every random value of one case attempt from the run's seed: the same seed, case and
 * attempt give the same tokens (so a failure replays exactly), different ones give unrelated
 * values. HMAC-SHA256 keyed by the seed; the seed itself never reaches an executor.
 */
export class TokenSource {
  constructor(
    private readonly seed: string,
    /** Names the case attempt, such as `tampering.x.y@python#1`. */
    readonly scope: string,
  ) {}

  /** `length` characters of [a-z2-7] for `purpose`, unpredictable without the seed. */
  word(purpose: string, length = 32): string {
    let out = '';
    for (let block = 0; out.length < length; block++) {
      const bytes = createHmac('sha256', this.seed).update(`${this.scope}\u0000${purpose}\u0000${block}`).digest();
      for (const byte of bytes) out += ALPHABET[byte % 32];
    }
    return out.slice(0, length);
  }

  /** A canary token: 32 random characters, no fixed prefix an executor could filter on. */
  token(purpose: string): string {
    return this.word(`token:${purpose}`);
  }

  /** A source for a nested scope, such as one canary of the case. */
  child(name: string): TokenSource {
    return new TokenSource(this.seed, `${this.scope}/${name}`);
  }
}

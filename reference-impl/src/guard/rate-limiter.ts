import { ErrorCodes } from '../../../src/protocol/generated/error-codes.js';
import { RpcError } from '../../../src/protocol/rpc-error.js';

/** Requests a tenant may make in a burst, and how many it regains per second. */
export interface RateLimit {
  burst: number;
  perSecond: number;
}

/**
 * A token bucket per tenant. Each execute and session/create takes one token; an empty bucket
 * answers -32006 with the milliseconds until the next token.
 */
export class RateLimiter {
  readonly #buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly limit: RateLimit | undefined,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Takes one token of the tenant's bucket, or throws -32006. */
  take(tenantId: string): void {
    if (!this.limit) return;
    const { burst, perSecond } = this.limit;
    const now = this.now();
    const bucket = this.#buckets.get(tenantId) ?? { tokens: burst, at: now };
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * perSecond);
    bucket.at = now;
    this.#buckets.set(tenantId, bucket);
    if (bucket.tokens < 1) {
      const retryAfterMs = Math.ceil(((1 - bucket.tokens) / perSecond) * 1000);
      throw new RpcError(ErrorCodes.RateLimited, 'Rate limited: too many requests for this tenant', { retryAfterMs });
    }
    bucket.tokens -= 1;
  }
}

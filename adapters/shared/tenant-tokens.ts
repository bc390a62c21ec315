import { createHash, timingSafeEqual } from 'node:crypto';
import { ErrorCodes } from '../../src/protocol/generated/error-codes.js';
import type { Principal } from '../../src/protocol/generated/types.js';
import { RpcError } from '../../src/protocol/rpc-error.js';

/**
 * The tenants' tokens, read from GAUNTLET_TENANTS (a JSON object of tenant id to token), the
 * way the harness hands them to every executor it starts. Unreadable or absent tenants mean every
 * request is refused, which is the safe reading.
 */
export class TenantTokens {
  readonly #digests = new Map<string, Buffer>();
  /** Why the variable could not be used, for the executor's log; undefined when it could. */
  readonly problem: string | undefined;

  constructor(source: string | undefined) {
    let parsed: unknown;
    try {
      parsed = source ? JSON.parse(source) : {};
    } catch {
      parsed = undefined;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      this.problem = 'GAUNTLET_TENANTS is not a JSON object of tenant id to token; every request will be refused';
      return;
    }
    for (const [tenant, token] of Object.entries(parsed)) {
      if (typeof token === 'string' && token.length > 0) this.#digests.set(tenant, digest(token));
    }
  }

  /** Throws -32005 unless the principal's token is its tenant's (compared in constant time). */
  check(principal: Principal): void {
    const expected = this.#digests.get(principal.tenantId);
    const same = timingSafeEqual(expected ?? Buffer.alloc(32), digest(principal.token)) && expected !== undefined;
    if (!same) throw new RpcError(ErrorCodes.Unauthorized, 'Unauthorized: the token does not belong to this tenant');
  }
}

function digest(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

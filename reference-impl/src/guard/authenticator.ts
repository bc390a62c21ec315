import { createHash, timingSafeEqual } from 'node:crypto';
import { ErrorCodes } from '../../../src/protocol/generated/error-codes.js';
import type { Principal } from '../../../src/protocol/generated/types.js';
import { RpcError } from '../../../src/protocol/rpc-error.js';
import type { TenantTokens } from '../config/load-tenants.js';

/**
 * Checks that a principal's token belongs to the tenant it claims. Tokens are compared as
 * SHA-256 digests in constant time, so neither length nor content leaks through timing.
 */
export class Authenticator {
  readonly #digests: Map<string, Buffer>;

  constructor(tenants: TenantTokens) {
    this.#digests = new Map([...tenants].map(([tenant, token]) => [tenant, digest(token)]));
  }

  /** Every token, so that the executor's redactor can keep them out of everything it emits. */
  static secretsOf(tenants: TenantTokens): { name: string; value: string }[] {
    return [...tenants.values()].filter((token) => token.length >= 8).map((value) => ({ name: 'TENANT_TOKEN', value }));
  }

  /** Throws -32005 unless the token is the claimed tenant's. */
  check(principal: Principal): void {
    const expected = this.#digests.get(principal.tenantId);
    const given = digest(principal.token);
    // Compare even for an unknown tenant, so that both cases take the same time.
    const matches = timingSafeEqual(expected ?? Buffer.alloc(32), given) && expected !== undefined;
    if (!matches) throw new RpcError(ErrorCodes.Unauthorized, 'Unauthorized: the token does not belong to this tenant');
  }
}

function digest(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

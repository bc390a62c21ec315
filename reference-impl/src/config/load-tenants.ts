import { readFileSync } from 'node:fs';
import { HarnessError, HarnessErrorCode } from '../../../src/errors/harness-error.js';

/** Tenant id to token. */
export type TenantTokens = ReadonlyMap<string, string>;

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/**
 * Reads the tenants' tokens: from `file` when given, else from the GAUNTLET_TENANTS variable.
 * Both hold one JSON object mapping each tenant id to its token; this is how the harness hands
 * tokens to every executor it starts. No tenants means every request is refused (-32005).
 */
export function loadTenants(file: string | undefined, env: NodeJS.ProcessEnv): TenantTokens {
  const source = file ? readFileSync(file, 'utf8') : env['GAUNTLET_TENANTS'];
  if (source === undefined || source.trim() === '') return new Map();
  let parsed: unknown;
  try {
    parsed = JSON.parse(source);
  } catch (error) {
    throw new HarnessError(
      HarnessErrorCode.ConfigInvalid,
      'tenants must be a JSON object of tenant id to token',
      file ?? 'GAUNTLET_TENANTS',
      { cause: error },
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new HarnessError(
      HarnessErrorCode.ConfigInvalid,
      'tenants must be a JSON object of tenant id to token',
      file ?? 'GAUNTLET_TENANTS',
    );
  }
  const tenants = new Map<string, string>();
  for (const [tenantId, token] of Object.entries(parsed)) {
    if (!ID.test(tenantId) || typeof token !== 'string' || token.length === 0 || token.length > 512) {
      throw new HarnessError(
        HarnessErrorCode.ConfigInvalid,
        `tenant ${JSON.stringify(tenantId)} needs an identifier and a token of 1 to 512 characters`,
        file ?? 'GAUNTLET_TENANTS',
      );
    }
    tenants.set(tenantId, token);
  }
  return tenants;
}

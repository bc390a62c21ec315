import type { CaseTenants } from '../canaries/canary.js';
import { TokenSource } from '../canaries/token-source.js';
import type { Tenants } from '../config/generated/types.js';

/**
 * The two tenants of the run: the target's fixed credentials, or fresh random tokens (derived
 * from the run's seed) for executors Gauntlet starts, which learn them from GAUNTLET_TENANTS.
 */
export function runTenants(seed: string, fixed: Tenants | undefined): CaseTenants {
  if (fixed) return fixed;
  const tokens = new TokenSource(seed, 'tenants');
  return {
    attacker: { tenantId: 'tenant-attacker', userId: 'mallory', token: tokens.token('attacker') },
    victim: { tenantId: 'tenant-victim', userId: 'victor', token: tokens.token('victim') },
  };
}

/** GAUNTLET_TENANTS: a JSON object of tenant id to token, for the executors Gauntlet starts. */
export function tenantsEnv(tenants: CaseTenants): Record<string, string> {
  return {
    GAUNTLET_TENANTS: JSON.stringify({
      [tenants.attacker.tenantId]: tenants.attacker.token,
      [tenants.victim.tenantId]: tenants.victim.token,
    }),
  };
}

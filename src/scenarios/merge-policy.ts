import type { Policy } from '../protocol/generated/types.js';
import type { PolicyOverrides } from './generated/types.js';

/**
 * Applies overrides to a policy, later ones winning. Members are replaced whole (an `output`
 * override restates all four caps), except `env`, whose variables are merged.
 */
export function mergePolicy(base: Policy, ...overrides: Array<PolicyOverrides | Partial<Policy> | undefined>): Policy {
  let merged: Policy = { ...base };
  for (const override of overrides) {
    if (!override) continue;
    const env = override.env === undefined ? merged.env : { ...merged.env, ...override.env };
    merged = { ...merged, ...(override as Partial<Policy>), ...(env === undefined ? {} : { env }) };
  }
  return merged;
}

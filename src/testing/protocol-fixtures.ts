import type { ExecuteParams, Policy, Principal } from '../protocol/generated/types.js';
import { defaultPolicy } from '../protocol/default-policy.js';

/** A principal for tests that need one. */
export const testPrincipal: Principal = { tenantId: 'tenant-a', userId: 'alice', token: 'token-tenant-a' };

/** A small, strict policy for tests; override what the test is about. */
export function testPolicy(overrides: Partial<Policy> = {}): Policy {
  return { ...structuredClone(defaultPolicy), ...overrides } as Policy;
}

/** Execute params for `code` in JavaScript under the test policy. */
export function executeParams(code: string, overrides: Partial<ExecuteParams> = {}): ExecuteParams {
  return { principal: testPrincipal, language: 'javascript', code, policy: testPolicy(), ...overrides };
}

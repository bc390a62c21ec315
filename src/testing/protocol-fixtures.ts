import type { ExecuteParams, Policy, Principal } from '../protocol/generated/types.js';

/** A principal for tests that need one. */
export const testPrincipal: Principal = { tenantId: 'tenant-a', userId: 'alice', token: 'token-tenant-a' };

/** A small, strict policy for tests; override what the test is about. */
export function testPolicy(overrides: Partial<Policy> = {}): Policy {
  return {
    wallTimeMs: 5000,
    memoryBytes: 256 * 1024 * 1024,
    output: { stdoutBytes: 64 * 1024, stderrBytes: 64 * 1024, resultBytes: 64 * 1024, onExceed: 'truncate' },
    network: { mode: 'none' },
    filesystem: 'ephemeral',
    allowSubprocesses: false,
    ...overrides,
  };
}

/** Execute params for `code` in JavaScript under the test policy. */
export function executeParams(code: string, overrides: Partial<ExecuteParams> = {}): ExecuteParams {
  return { principal: testPrincipal, language: 'javascript', code, policy: testPolicy(), ...overrides };
}

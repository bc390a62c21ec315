import type { Policy } from '../protocol/generated/types.js';
import type { Capability, PolicyOverrides } from './generated/types.js';

/**
 * The capabilities an executor needs to accept `policy` at all (protocol §4.3: it refuses what it
 * cannot enforce): the filesystem, output and network modes it names, and denying subprocesses.
 */
export function policyModeCapabilities(policy: Policy): Capability[] {
  return [
    `filesystem-${policy.filesystem}`,
    `output-${policy.output.onExceed}`,
    `network-${policy.network.mode}`,
    ...(policy.allowSubprocesses ? [] : (['subprocess-deny'] as const)),
  ];
}

/**
 * The limits a scenario or step sets explicitly: it sets them because its verdict rests on their
 * enforcement, so an executor that declares the limit `none` cannot be judged on it (unsupported,
 * the same answer as the fuzz properties on limits give).
 */
export function overrideLimitCapabilities(overrides: PolicyOverrides | undefined): Capability[] {
  if (!overrides) return [];
  return [
    ...(overrides.wallTimeMs === undefined ? [] : (['wall-time-limit'] as const)),
    ...(overrides.memoryBytes === undefined ? [] : (['memory-limit'] as const)),
    ...(overrides.output === undefined ? [] : (['output-limit'] as const)),
  ];
}

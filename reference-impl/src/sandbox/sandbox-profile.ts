import type { Language, Policy } from '../../../src/protocol/generated/types.js';

/** Which runtime a sandbox boots: Deno alone (JavaScript, TypeScript) or Deno with Pyodide. */
export type RuntimeFamily = 'js' | 'python';

/**
 * Everything about a sandbox that is fixed when its process starts. Two executions can use
 * sandboxes from the same warm pool only when their profiles are equal.
 */
export interface SandboxProfile {
  family: RuntimeFamily;
  /** V8 old-space cap in MiB. */
  heapMiB: number;
  /** Allow-listed loopback endpoints, sorted. */
  network: string[];
  /** Whether the sandbox gets a private directory at all. */
  directory: boolean;
}

/** The smallest V8 heap a sandbox boots with; the resident-memory watch enforces lower caps. */
const MIN_HEAP_MIB = 16;

export function familyOf(language: Language): RuntimeFamily {
  return language === 'python' ? 'python' : 'js';
}

/** The profile a policy asks for. */
export function profileFor(language: Language, policy: Policy): SandboxProfile {
  return {
    family: familyOf(language),
    heapMiB: Math.max(MIN_HEAP_MIB, Math.floor(policy.memoryBytes / (1024 * 1024))),
    network: policy.network.mode === 'allowlist' ? [...policy.network.allow].sort() : [],
    directory: policy.filesystem !== 'none',
  };
}

/** A stable key for pools. */
export function profileKey(profile: SandboxProfile): string {
  return `${profile.family}|${profile.heapMiB}|${profile.network.join(',')}|${profile.directory ? 'dir' : 'nodir'}`;
}

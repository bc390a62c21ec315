import type { Capabilities } from '../protocol/generated/types.js';

/**
 * Changes to the plain test capabilities: a list replaces the default list, an object is merged
 * over the default object, so `{ limits: { memory: 'none' } }` keeps the other limits.
 */
export type CapabilityOverrides = {
  [K in keyof Capabilities]?: NonNullable<Capabilities[K]> extends readonly unknown[]
    ? Capabilities[K]
    : NonNullable<Capabilities[K]> extends object
      ? Partial<NonNullable<Capabilities[K]>>
      : Capabilities[K];
};

/**
 * The capabilities of a plain test executor with `overrides` applied, so a test or fixture names
 * only what its executor declares differently. Plain: every limit hard, no network, no files, no
 * subprocesses, and none of the optional features (sessions, tools, audit, redaction, cancel).
 */
export function testCapabilities(overrides: CapabilityOverrides = {}): Capabilities {
  const plain: Capabilities = {
    limits: { wallTime: 'hard', memory: 'hard', output: 'hard' },
    network: ['none'],
    filesystem: ['none'],
    outputModes: ['truncate'],
    subprocesses: { canDeny: true, canAllow: false },
    sessions: { supported: false },
    tools: { supported: false, languages: [] },
    audit: { supported: false, hashChain: false },
    redaction: { supported: false, encodings: [], credentialShapes: [], minSecretLength: 8 },
    cancel: false,
    maximums: {
      wallTimeMs: 60_000,
      memoryBytes: 1 << 30,
      stdoutBytes: 1 << 20,
      stderrBytes: 1 << 20,
      resultBytes: 1 << 20,
      codeBytes: 1 << 20,
      messageBytes: 16 << 20,
    },
  };
  const merged: Record<string, unknown> = { ...plain };
  for (const [key, value] of Object.entries(overrides)) {
    const base = merged[key];
    const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
    merged[key] = isObject(base) && isObject(value) ? { ...(base as object), ...(value as object) } : value;
  }
  return merged as unknown as Capabilities;
}

/** An executor that claims everything the protocol lets it claim, so no case is skipped as unsupported. */
export const everyCapability: Capabilities = testCapabilities({
  limits: { toolTime: 'hard' },
  network: ['none', 'allowlist'],
  filesystem: ['none', 'ephemeral', 'session'],
  outputModes: ['truncate', 'kill'],
  subprocesses: { canAllow: true },
  sessions: { supported: true, maxPerTenant: 64 },
  tools: { supported: true, languages: ['javascript', 'typescript', 'python'] },
  audit: { supported: true, hashChain: true },
  redaction: {
    supported: true,
    encodings: ['base64', 'hex', 'url'],
    credentialShapes: ['aws-access-key', 'github-token', 'stripe-key', 'jwt', 'pem-private-key'],
  },
  cancel: true,
  maximums: {
    wallTimeMs: 300_000,
    memoryBytes: 2 * 1024 ** 3,
    stdoutBytes: 1024 ** 2,
    stderrBytes: 512 * 1024,
    resultBytes: 512 * 1024,
    codeBytes: 1024 ** 2,
    messageBytes: 16 * 1024 * 1024,
    toolTimeoutMs: 120_000,
    concurrentExecutions: 64,
  },
});

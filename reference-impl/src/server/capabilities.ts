import type { Capabilities, InitializeResult } from '../../../src/protocol/generated/types.js';
import { PROTOCOL_VERSION } from '../../../src/protocol/version.js';
import type { MemoryCgroupSupport } from '../sandbox/memory-cgroup-host.js';
import type { RuntimePaths } from '../sandbox/runtime-paths.js';
import { MAX_SESSIONS_PER_TENANT, maximums } from './limits.js';

/** The executor's own version, reported in initialize. */
export const EXECUTOR_VERSION = '0.1.0';

/**
 * What the reference executor claims in initialize. The claims are the same with faults on:
 * a weakened executor that still claims everything is exactly what the harness must catch.
 * Memory is hard only with a kernel cap (a memory cgroup per sandbox); a resident-memory watch
 * alone lets fast allocation overshoot, so without a cgroup it is soft, and the description says why.
 */
export function initializeResult(
  paths: RuntimePaths,
  memory: MemoryCgroupSupport,
  rateLimit: Capabilities['rateLimit'],
): InitializeResult {
  const memoryNote =
    memory.kind === 'hard'
      ? ` Memory is capped by the kernel: each sandbox runs in its own memory cgroup (v${memory.host.version}).`
      : ` Memory is soft: the executor watches each sandbox's resident memory, which fast allocation can ` +
        `overshoot, because ${memory.reason}.`;
  return {
    protocolVersion: PROTOCOL_VERSION,
    executorInfo: {
      name: 'gauntlet-reference-executor',
      version: EXECUTOR_VERSION,
      isolation: 'process',
      description:
        'Each execution runs in its own Deno process with no permissions beyond its policy; ' +
        `Python runs on Pyodide inside it.${memoryNote}`,
      components: [
        { name: 'deno', version: paths.denoVersion },
        { name: 'pyodide', version: paths.pyodideVersion },
        { name: 'node', version: process.versions.node },
      ],
    },
    languages: [
      { id: 'javascript', version: 'ES2024', runtime: `deno ${paths.denoVersion}` },
      { id: 'typescript', version: '5', runtime: `deno ${paths.denoVersion}` },
      { id: 'python', version: '3.14', runtime: `pyodide ${paths.pyodideVersion} on deno ${paths.denoVersion}` },
    ],
    capabilities: {
      limits: { wallTime: 'hard', memory: memory.kind, output: 'hard', toolTime: 'hard' },
      network: ['none', 'allowlist'],
      filesystem: ['none', 'ephemeral', 'session'],
      outputModes: ['truncate', 'kill'],
      subprocesses: { canDeny: true, canAllow: false },
      sessions: { supported: true, maxPerTenant: MAX_SESSIONS_PER_TENANT },
      tools: { supported: true, languages: ['javascript', 'typescript', 'python'] },
      audit: { supported: true, hashChain: true },
      redaction: {
        supported: true,
        encodings: ['base64', 'hex', 'url'],
        credentialShapes: ['aws-access-key', 'github-token', 'stripe-key', 'jwt', 'pem-private-key'],
        minSecretLength: 8,
      },
      cancel: true,
      ...(rateLimit ? { rateLimit } : {}),
      maximums,
    },
  };
}

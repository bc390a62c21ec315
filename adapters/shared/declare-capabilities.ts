import type { Capabilities } from '../../src/protocol/generated/types.js';

/** What an adapter enforces; everything the adapters never offer is filled in as absent. */
export type Enforced = Pick<Capabilities, 'limits' | 'network' | 'filesystem' | 'outputModes' | 'subprocesses'>;

const MiB = 1024 * 1024;

/**
 * The capabilities of an adapter: what its library enforces, plus what no adapter offers here
 * (sessions, host tools, audit, redaction, cancellation), declared absent so the harness marks
 * those cases unsupported instead of trusting a claim nobody made.
 */
export function declareCapabilities(enforced: Enforced): Capabilities {
  return {
    ...enforced,
    sessions: { supported: false },
    tools: { supported: false, languages: [] },
    audit: { supported: false, hashChain: false },
    redaction: { supported: false, encodings: [], credentialShapes: [], minSecretLength: 8 },
    cancel: false,
    maximums: {
      wallTimeMs: 120_000,
      memoryBytes: 4096 * MiB,
      stdoutBytes: 4 * MiB,
      stderrBytes: 4 * MiB,
      resultBytes: 4 * MiB,
      codeBytes: MiB,
      messageBytes: 16 * MiB,
      concurrentExecutions: 1,
    },
  };
}

/**
 * The capabilities of an engine that gives the code no network, file or process API at all (the
 * in-process and WebAssembly engines): no network, no files, truncated output, subprocesses
 * denied; only what it enforces of the limits differs from one engine to the next.
 */
export function declareWithoutHostApis(limits: Enforced['limits']): Capabilities {
  return declareCapabilities({
    limits,
    network: ['none'],
    filesystem: ['none'],
    outputModes: ['truncate'],
    subprocesses: { canDeny: true, canAllow: false },
  });
}

/**
 * What node:vm and vm2 declare: their `timeout` stops synchronous code only (soft), nothing bounds
 * memory, and the context has no host API.
 */
export const synchronousTimeoutOnly: Capabilities = declareWithoutHostApis({
  wallTime: 'soft',
  memory: 'none',
  output: 'hard',
});

/** The wrapper every in-process JavaScript adapter compiles: the code is an async function body. */
export function asyncBody(code: string): string {
  return `(async function (tools) {\n${code}\n})()`;
}

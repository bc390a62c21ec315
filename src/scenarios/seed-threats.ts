import type { SeedThreat } from './generated/types.js';

/** A threat one of the seed systems named, as the catalogue statistics show it. */
export interface SeedThreatInfo {
  /** The executor whose review named the threat. */
  system: string;
  title: string;
}

/**
 * The seed systems (the executors this suite was created to judge) and the threats their reviews
 * named. Keyed by every value of the schema's `SeedThreat`, so a threat added there without a row
 * here does not compile. Scenarios claim threats in `seedThreats`.
 */
export const seedThreats: Readonly<Record<SeedThreat, SeedThreatInfo>> = {
  'agent33.runtime-env': {
    system: 'AGENT33 CodeExecutor',
    title: 'IV-04: start-up environment variables pointing at a planted file',
  },
  'agent33.profile-injection': {
    system: 'AGENT33 CodeExecutor',
    title: 'sandbox-profile path injection (bwrap arguments, Seatbelt strings)',
  },
  'athena.rate-limit': { system: 'Athena MCP', title: 'D6: rate limits per tenant' },
  'athena.deno-internals': { system: 'Athena MCP', title: 'Deno internal APIs (Deno[Deno.internal], Deno.core.ops)' },
  'athena.timing-side-channel': { system: 'Athena MCP', title: 'I4: timing side channels' },
  'athena.tool-result-tokens': { system: 'Athena MCP', title: 'I8: tokenised values in tool results' },
  'skriptoteket.no-new-privileges': { system: 'Skriptoteket Docker runner', title: 'no-new-privileges' },
  'skriptoteket.read-only-root': { system: 'Skriptoteket Docker runner', title: 'read-only root file system' },
  'skriptoteket.artifact-cleanup': { system: 'Skriptoteket Docker runner', title: 'artifact clean-up after a run' },
  'sigil.wasm-cpu-loop': { system: 'sigil plugin sandbox', title: 'a CPU loop inside WebAssembly still times out' },
  'sigil.stop-while-draining': { system: 'sigil plugin sandbox', title: 'stopping while output drains' },
  'sigil.tenant-concurrency': { system: 'sigil plugin sandbox', title: 'two executions of one tenant at once' },
  'asyncexecutor.cooperative-cancellation': {
    system: 'Python AsyncExecutor',
    title: 'escaping cooperative cancellation (sys.settrace)',
  },
  'asyncexecutor.namespace-tampering': {
    system: 'Python AsyncExecutor',
    title: 'namespace tampering between executions',
  },
  'sandboxeval.system-info': { system: 'SandboxEval', title: 'system information disclosure' },
  'sandboxeval.cloud-credentials': {
    system: 'SandboxEval',
    title: 'Kubernetes service-account token and cloud metadata paths',
  },
  'sandboxeval.lan-discovery': { system: 'SandboxEval', title: 'gateway and LAN discovery' },
  'sandboxeval.kill-processes': { system: 'SandboxEval', title: 'killing other processes' },
};

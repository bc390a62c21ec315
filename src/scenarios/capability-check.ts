import type { Capabilities, InitializeResult, Language } from '../protocol/generated/types.js';
import type { Capability } from './generated/types.js';

/** How each scenario capability reads from the executor's initialize answer. */
const holds: Record<
  Capability,
  (c: Capabilities, language: Language, executor?: InitializeResult['executorInfo']) => boolean
> = {
  sessions: (c) => c.sessions.supported,
  tools: (c, language) => c.tools.supported && c.tools.languages.includes(language),
  audit: (c) => c.audit.supported,
  'audit-hash-chain': (c) => c.audit.supported && c.audit.hashChain,
  redaction: (c) => c.redaction.supported,
  cancel: (c) => c.cancel,
  'rate-limit': (c) => c.rateLimit !== undefined,
  'network-none': (c) => c.network.includes('none'),
  'network-allowlist': (c) => c.network.includes('allowlist'),
  'filesystem-none': (c) => c.filesystem.includes('none'),
  'filesystem-ephemeral': (c) => c.filesystem.includes('ephemeral'),
  'filesystem-session': (c) => c.filesystem.includes('session'),
  'output-truncate': (c) => c.outputModes.includes('truncate'),
  'output-kill': (c) => c.outputModes.includes('kill'),
  'subprocess-deny': (c) => c.subprocesses.canDeny,
  'wall-time-limit': (c) => c.limits.wallTime !== 'none',
  'memory-limit': (c) => c.limits.memory !== 'none',
  'output-limit': (c) => c.limits.output !== 'none',
  'container-isolation': (_c, _language, executor) => executor?.isolation === 'container',
};

/** The capabilities of `required` that the executor does not declare for `language`. */
export function missingCapabilities(
  required: Iterable<Capability>,
  capabilities: Capabilities,
  language: Language,
  executor?: InitializeResult['executorInfo'],
): Capability[] {
  return [...new Set(required)].filter((capability) => !holds[capability](capabilities, language, executor));
}

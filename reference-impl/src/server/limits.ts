import type { Maximums } from '../../../src/protocol/generated/types.js';
import { DEFAULT_MAX_MESSAGE_BYTES } from '../../../src/transports/stream-framing.js';

/**
 * The largest values the reference executor accepts (advertised in initialize). Output caps are
 * sized so that a result with every stream at its cap, JSON-escaped, still fits in one message.
 */
export const maximums = {
  wallTimeMs: 300_000,
  memoryBytes: 2 * 1024 ** 3,
  stdoutBytes: 1024 ** 2,
  stderrBytes: 512 * 1024,
  resultBytes: 512 * 1024,
  codeBytes: 1024 ** 2,
  messageBytes: DEFAULT_MAX_MESSAGE_BYTES,
  toolTimeoutMs: 120_000,
  concurrentExecutions: 8,
} as const satisfies Maximums;

/** Sessions one tenant may hold at once. */
export const MAX_SESSIONS_PER_TENANT = 8;

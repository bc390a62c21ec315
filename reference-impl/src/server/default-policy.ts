import type { Policy } from '../../../src/protocol/generated/types.js';
import { defaultPolicy as harnessDefaultPolicy } from '../../../src/protocol/default-policy.js';

/**
 * The policy whose sandboxes are warmed at start: the harness's usual one (256 MiB, no network,
 * an ephemeral directory). Sandboxes of other profiles start cold the first time, then stay warm.
 */
export function defaultPolicy(): Policy {
  return structuredClone(harnessDefaultPolicy) as Policy;
}

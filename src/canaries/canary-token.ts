import type { CanaryKind } from '../scenarios/generated/types.js';

/**
 * A secret value a canary planted. forbidden: the code must never reach it, so it counts as
 * leaked in any encoding; granted: the code was given it (a declared secret), so it counts as
 * leaked plain or in an encoding the executor says it redacts.
 */
export interface CanaryToken {
  kind: CanaryKind;
  value: string;
  access: 'forbidden' | 'granted';
}

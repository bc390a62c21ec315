import type { InitializeResult } from '../protocol/generated/types.js';
import type { SlotSizes } from './case-slots.js';

/** Cases that mostly wait, per CPU slot, that may run beside the CPU-bound ones. */
const WAIT_SLOTS_PER_WORKER = 3;

/**
 * The slots of a run: `workers` CPU slots and, beside them, room for cases that mostly wait. Each
 * running case holds one executor connection with at most one execution at a time, so all slots
 * together never exceed the executions the executor declared it runs at once.
 */
export function slotSizes(workers: number, initialize: InitializeResult): SlotSizes {
  const limit = initialize.capabilities.maximums.concurrentExecutions ?? Number.POSITIVE_INFINITY;
  const cpu = Math.max(1, Math.min(workers, limit));
  return { cpu, wait: Math.max(0, Math.min(workers * WAIT_SLOTS_PER_WORKER, limit - cpu)) };
}

import type { Attempt, CaseInfo } from '../report/generated/types.js';
import type { RunServices } from './run-services.js';

/** One attempt's result, as the case reports it; the scheduler adds timing and numbering. */
export type AttemptResult = Omit<Attempt, 'attempt' | 'startedAt' | 'durationMs'>;

/**
 * What a case is expected to cost while it runs: `cpu` when it works (the executor computes,
 * starts sandboxes, the harness judges), `wait` when it mostly waits (sleeps, timers, a wall-time
 * budget run out by waiting). The scheduler gives CPU slots to the first only.
 */
export type CaseCost = 'cpu' | 'wait';

/** What a case gets for one attempt. */
export interface AttemptContext {
  /** The id the case is scheduled under (with its repeat suffix); scopes the attempt's tokens. */
  caseId: string;
  /** 1 for the first attempt, 2 for the first retry, and so on. */
  attempt: number;
  /** Aborted when the attempt's deadline passes. */
  signal: AbortSignal;
  services: RunServices;
}

/**
 * A unit the runner schedules: a scenario in one language, or a fuzz property. Cases
 * are plain objects; the runner knows nothing about what they run, only how to schedule, retry
 * and time them. `run` returns verdicts as data and throws only when the harness broke.
 */
export interface RunnableCase {
  info: CaseInfo;
  /** Deadline of one attempt on the harness clock. */
  deadlineMs: number;
  /** Runs alone, after the cases that may run in parallel. */
  exclusive: boolean;
  /** Expected cost class, which decides the slot the case takes. */
  cost: CaseCost;
  run(context: AttemptContext): Promise<AttemptResult>;
}

import type { Attempt, CaseInfo } from '../report/generated/types.js';
import type { RunServices } from './run-services.js';

/** One attempt's result, as the case reports it; the scheduler adds timing and numbering. */
export type AttemptResult = Omit<Attempt, 'attempt' | 'startedAt' | 'durationMs'>;

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
  run(context: AttemptContext): Promise<AttemptResult>;
}

import type { CaseInfo, Report } from './generated/types.js';

/** What is known when a run starts: shared by the runner (which announces it) and reporters. */
export type RunStart = Pick<Report, 'runId' | 'seed' | 'command' | 'harness' | 'target' | 'options' | 'startedAt'> & {
  cases: CaseInfo[];
};

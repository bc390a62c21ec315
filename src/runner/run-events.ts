import type { CaseInfo, CaseResult } from '../report/generated/types.js';
import type { RunStart } from '../report/run-start.js';

/** What the runner announces while it runs; the CLI connects reporters to it. */
export interface RunEvents {
  onRunStart?(start: RunStart): void;
  onCaseStart?(info: CaseInfo): void;
  onCaseEnd?(result: CaseResult): void;
}

import type { CaseTenants } from '../canaries/canary.js';
import type { Policy } from '../protocol/generated/types.js';
import type {
  CorpusInfo,
  GateResult,
  HarnessErrorRecord,
  ProfileResult,
  Report,
  RunOptions,
} from '../report/generated/types.js';
import type { Target } from '../targets/target.js';
import type { RunnableCase } from './runnable-case.js';

/** Everything a run needs, decided before it starts: the CLI builds it, the runner executes it. */
export interface SuitePlan {
  runId: string;
  seed: string;
  /** The command line that replays the whole run. */
  command: string;
  harness: Report['harness'];
  target: Target;
  corpus: CorpusInfo;
  /** The selected, sharded and repeated cases, in order. */
  cases: RunnableCase[];
  options: RunOptions;
  basePolicy: Policy;
  tenants: CaseTenants;
  /** How long an executor may take to start and answer initialize. */
  initializeDeadlineMs: number;
  /** Problems found before the run (invalid scenario files); they make it exit 2. */
  harnessErrors: HarnessErrorRecord[];
  /** The command that runs one case alone again, with the same seed. */
  replay(caseId: string): string;
  /** Aborted to interrupt the run (Ctrl-C): the report is still produced, with an INTERRUPTED error. */
  interrupt?: AbortSignal;
  /** Judges the conformance profiles of the finished run (absent: no profile, as with --profile none). */
  judgeProfiles?(report: Omit<Report, 'gate' | 'profiles'>): ProfileResult[];
  /**
   * Decides whether the run passes, from the finished report (src/gate/evaluate-gate.ts, via src/cli/prepare-gate.ts).
   */
  gate(report: Omit<Report, 'gate'>): GateResult;
}

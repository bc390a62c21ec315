import type { CaseInfo, CaseResult, Report } from '../report/generated/types.js';
import type { ReportSigner } from '../report/report-keys.js';
import type { RunStart } from '../report/run-start.js';
import type { SarifSettings } from './sarif-settings.js';

/** What every reporter gets when it is created. */
export interface ReporterOptions {
  /** The file to write, when given as `--reporter name=file`. */
  outputFile?: string;
  /** The run's report folder (reports/latest by default). */
  outputDir: string;
  /** Prints text for humans (to stdout, unless the CLI says otherwise). */
  print(text: string): void;
  /** The printer is an interactive terminal: live progress and colour are welcome. */
  interactive: boolean;
  /** Signs the canonical report's digest (--sign-key, GAUNTLET_SIGNING_KEY); unsigned without it. */
  signer?: ReportSigner;
  /** Where SARIF results point and their code-scanning category (the SARIF reporter's defaults otherwise). */
  sarif?: SarifSettings;
}

/**
 * Receives the run as it happens. Every hook is optional. A reporter that throws is recorded and
 * skipped; it never stops the run. File formats (JUnit, SARIF, HTML...) only need onRunEnd: they
 * are projections of the canonical report.
 */
export interface Reporter {
  onRunStart?(start: RunStart): void;
  onCaseStart?(info: CaseInfo): void;
  onCaseEnd?(result: CaseResult): void;
  onRunEnd?(report: Report): void | Promise<void>;
}

/** What a projection of a finished report needs besides the report. */
export interface ProjectionContext {
  /** The report file it came from (kept when a projection empties its output folder). */
  reportFile: string;
  /** Where SARIF results point and their code-scanning category. */
  sarif?: SarifSettings;
}

/** A format written from a finished report, the same way by `run`, `merge` and `report`. */
export interface Projection {
  /** The file (or folder) beside report.json when no name is given. */
  file: string;
  write(report: Report, output: string, context: ProjectionContext): Promise<void>;
}

/**
 * A reporter kind, registered by name and selected with `--reporter name[=file]` (run, merge)
 * or `gauntlet report name`. Everything about the kind is here: adding one to the registry is
 * all it takes for every command to offer it.
 */
export interface ReporterPlugin {
  name: string;
  description: string;
  create(options: ReporterOptions): Reporter;
  /** The format as a projection of a finished report; absent for live-only reporters (console, json). */
  projection?: Projection;
}

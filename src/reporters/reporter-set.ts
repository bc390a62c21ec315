import type { CaseInfo, CaseResult, Report } from '../report/generated/types.js';
import type { RunStart } from '../report/run-start.js';
import type { Reporter } from './reporter.js';

/** A reporter hook that threw. */
export interface ReporterFailure {
  reporter: string;
  hook: keyof Reporter;
  message: string;
}

/**
 * Fans the run's events out to several reporters, each isolated: one that throws is recorded in
 * `failures` and the others, and the run, carry on.
 */
export class ReporterSet {
  readonly failures: ReporterFailure[] = [];

  constructor(private readonly reporters: ReadonlyArray<{ name: string; reporter: Reporter }>) {}

  onRunStart(start: RunStart): void {
    this.#each('onRunStart', (r) => r.onRunStart?.(start));
  }

  onCaseStart(info: CaseInfo): void {
    this.#each('onCaseStart', (r) => r.onCaseStart?.(info));
  }

  onCaseEnd(result: CaseResult): void {
    this.#each('onCaseEnd', (r) => r.onCaseEnd?.(result));
  }

  async onRunEnd(report: Report): Promise<void> {
    for (const { name, reporter } of this.reporters) {
      try {
        await reporter.onRunEnd?.(report);
      } catch (error) {
        this.failures.push({ reporter: name, hook: 'onRunEnd', message: (error as Error).message });
      }
    }
  }

  #each(hook: keyof Reporter, call: (reporter: Reporter) => void): void {
    for (const { name, reporter } of this.reporters) {
      try {
        call(reporter);
      } catch (error) {
        this.failures.push({ reporter: name, hook, message: (error as Error).message });
      }
    }
  }
}

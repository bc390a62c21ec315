import type { GateResult, Report } from '../report/generated/types.js';

/** The report as the gate sees it: everything but the gate's own verdict. */
export type UngatedReport = Omit<Report, 'gate'>;

/** Knobs of the default gate. */
export interface DefaultGateOptions {
  /** Flaky cases (passed only on retry) do not fail the gate. Off by default: a weakness seen once is a weakness. */
  allowFlaky?: boolean;
}

/**
 * The default gate: no case failed, none errored (an errored case is never a pass), no flaky case
 * unless allowed, no harness error, and at least one case was judged, so a run where everything
 * was unsupported cannot pass. Thresholds, baselines and expectations replace it (the rest of src/gate/).
 */
export function defaultGate(report: UngatedReport, options: DefaultGateOptions = {}): GateResult {
  const { all } = report.summary;
  const reasons: string[] = [];
  const cases = (n: number) => `${n} case${n === 1 ? '' : 's'}`;
  if (all.failed > 0) reasons.push(`${cases(all.failed)} failed: the executor is vulnerable`);
  if (all.errored > 0) reasons.push(`${cases(all.errored)} errored: they could not be judged, which is never a pass`);
  if (all.flaky > 0 && !options.allowFlaky) reasons.push(`${cases(all.flaky)} flaky: a weakness seen on any attempt counts (--allow-flaky to accept)`);
  if (all.passed + all.failed + all.flaky === 0) reasons.push('no case was judged: every case was unsupported or errored');
  if (report.harnessErrors.length > 0) reasons.push(`${report.harnessErrors.length} harness error${report.harnessErrors.length === 1 ? '' : 's'}`);
  return { passed: reasons.length === 0, reasons };
}

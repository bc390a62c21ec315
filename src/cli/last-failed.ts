import { existsSync, readFileSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { HarnessError, HarnessErrorCode } from '../errors/harness-error.js';
import type { Report } from '../report/generated/types.js';

/**
 * Where the report of the last run that started is kept while report.json says why a later run
 * could not start (a mistyped --target, an empty selection), so --last-failed still has its list.
 */
export const LAST_STARTED_REPORT = 'last-started-report.json';

/**
 * The ids of the cases that failed, errored or were flaky in the previous report (repeat
 * suffixes dropped), for --last-failed. When that report is of a run that never started, the
 * one set aside beside it is read instead.
 */
export function lastFailedIds(reportFile: string): Set<string> {
  let report = readReport(reportFile);
  const aside = join(dirname(reportFile), LAST_STARTED_REPORT);
  if (!startedRun(report) && existsSync(aside)) report = readReport(aside);
  const failed = (report.cases ?? []).filter(
    (c) => c.outcome.status === 'failed' || c.outcome.status === 'errored' || c.outcome.status === 'flaky',
  );
  return new Set(failed.map((c) => c.case.id.replace(/#\d+$/, '')));
}

/**
 * Before a run that could not start overwrites report.json: keeps the existing report as
 * {@link LAST_STARTED_REPORT} when it is of a run that started (else the older one stays).
 */
export function setAsideStartedReport(outputDir: string): void {
  const file = join(outputDir, 'report.json');
  if (!existsSync(file)) return;
  try {
    if (startedRun(JSON.parse(readFileSync(file, 'utf8')) as Report))
      renameSync(file, join(outputDir, LAST_STARTED_REPORT));
  } catch {
    // An unreadable report has no list to keep; the new one replaces it.
  }
}

/** A run that got as far as running cases; the reports of runs that could not start have none. */
function startedRun(report: Report): boolean {
  return Array.isArray(report.cases) && report.cases.length > 0;
}

function readReport(file: string): Report {
  if (!existsSync(file))
    throw new HarnessError(HarnessErrorCode.ConfigInvalid, 'no previous report to take the failed cases from', file);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Report;
  } catch (error) {
    throw new HarnessError(
      HarnessErrorCode.ReportInvalid,
      `the previous report is not valid JSON: ${(error as Error).message}`,
      file,
    );
  }
}

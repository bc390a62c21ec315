import { existsSync, readFileSync } from 'node:fs';
import { HarnessError, HarnessErrorCode } from '../errors/harness-error.js';
import type { Report } from '../report/generated/types.js';

/**
 * The ids of the cases that failed, errored or were flaky in the previous report (repeat
 * suffixes dropped), for --last-failed.
 */
export function lastFailedIds(reportFile: string): Set<string> {
  if (!existsSync(reportFile)) throw new HarnessError(HarnessErrorCode.ConfigInvalid, 'no previous report to take the failed cases from', reportFile);
  let report: Report;
  try {
    report = JSON.parse(readFileSync(reportFile, 'utf8')) as Report;
  } catch (error) {
    throw new HarnessError(HarnessErrorCode.ReportInvalid, `the previous report is not valid JSON: ${(error as Error).message}`, reportFile);
  }
  const failed = (report.cases ?? []).filter((c) => c.outcome.status === 'failed' || c.outcome.status === 'errored' || c.outcome.status === 'flaky');
  return new Set(failed.map((c) => c.case.id.replace(/#\d+$/, '')));
}

import { readFile } from 'node:fs/promises';
import { HarnessError, HarnessErrorCode } from '../errors/harness-error.js';
import { formatIssues } from '../validation/schema-validator.js';
import { checkReportIntegrity, type IntegrityCheck } from './check-report-integrity.js';
import type { Report } from './generated/types.js';
import { reportValidator } from './report-validator.js';
import type { ReportVerifier } from './report-keys.js';

/** How far a reader trusts a report file. */
export interface ReportTrust {
  /** A report without an integrity digest: accepted with a warning, or refused. */
  legacy: 'warn' | 'refuse';
  /** When given, the report must carry a valid signature by this key. */
  verifier?: ReportVerifier;
  /** Receives one-line warnings (a legacy report). */
  warn?(message: string): void;
}

/** A loaded report and what its integrity check found. */
export interface LoadedReport {
  report: Report;
  integrity: IntegrityCheck;
}

/**
 * Reads a report.json, checks its integrity digest (and signature) before anything else reads
 * it, then checks it against schemas/report.schema.json. A changed, unsigned (when a key is
 * required) or malformed file is a one-line REPORT_INVALID HarnessError naming it.
 */
export async function loadReportChecked(file: string, trust: ReportTrust): Promise<LoadedReport> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new HarnessError(
      HarnessErrorCode.ReportInvalid,
      `cannot read the report: ${(error as Error).message.split('\n')[0]}`,
      file,
      { cause: error },
    );
  }
  const integrity = checkReportIntegrity(value, trust.verifier);
  if (integrity.status === 'broken') throw new HarnessError(HarnessErrorCode.ReportInvalid, integrity.reason, file);
  if (integrity.status === 'legacy') {
    if (trust.legacy === 'refuse' || trust.verifier)
      throw new HarnessError(HarnessErrorCode.ReportInvalid, integrity.reason, file);
    trust.warn?.(`${file}: ${integrity.reason}; accepted unchecked`);
  }
  const check = reportValidator().validate('Report', value);
  if (!check.ok)
    throw new HarnessError(
      HarnessErrorCode.ReportInvalid,
      `does not match schemas/report.schema.json: ${formatIssues(check.issues.slice(0, 10)).replace(/\n+/g, '; ')}`,
      file,
    );
  return { report: check.value, integrity };
}

/** {@link loadReportChecked}, for callers that need only the report. */
export async function loadReport(file: string, trust: ReportTrust): Promise<Report> {
  return (await loadReportChecked(file, trust)).report;
}

import { readFile } from 'node:fs/promises';
import { HarnessError, HarnessErrorCode } from '../errors/harness-error.js';
import { formatIssues } from '../validation/schema-validator.js';
import type { Report } from './generated/types.js';
import { reportValidator } from './report-validator.js';

/** Reads a report.json and checks it against schemas/report.schema.json; a bad file is a HarnessError naming it. */
export async function loadReport(file: string): Promise<Report> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new HarnessError(HarnessErrorCode.ReportInvalid, `cannot read the report: ${(error as Error).message}`, file, { cause: error });
  }
  const check = reportValidator().validate('Report', value);
  if (!check.ok) throw new HarnessError(HarnessErrorCode.ReportInvalid, `does not match schemas/report.schema.json: ${formatIssues(check.issues.slice(0, 10))}`, file);
  return check.value;
}

import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { HarnessError, HarnessErrorCode } from '../errors/harness-error.js';
import { reportValidator } from '../report/report-validator.js';
import { sealReport } from '../report/seal-report.js';
import { formatIssues } from '../validation/schema-validator.js';
import type { ReporterPlugin } from './reporter.js';

/**
 * Writes the canonical report (report.json in the output folder by default), sealed with its
 * integrity digest and, given a signer, signed (docs/reports.md). It is written even when it
 * fails validation, so nothing is lost; the failure is then reported as an error.
 */
export const jsonReporter: ReporterPlugin = {
  name: 'json',
  description: 'the canonical JSON report, validated against schemas/report.schema.json',
  create: (options) => ({
    async onRunEnd(unsealed) {
      const report = sealReport(unsealed, options.signer);
      const file = options.outputFile ?? join(options.outputDir, 'report.json');
      await mkdir(dirname(file), { recursive: true });
      // Written to a side file first, so a reader never sees half a report.
      await writeFile(`${file}.partial`, `${JSON.stringify(report, null, 2)}\n`);
      await rename(`${file}.partial`, file);
      const check = reportValidator().validate('Report', report);
      if (!check.ok)
        throw new HarnessError(
          HarnessErrorCode.ReportInvalid,
          `the report does not match its schema: ${formatIssues(check.issues.slice(0, 5))}`,
          file,
        );
    },
  }),
};

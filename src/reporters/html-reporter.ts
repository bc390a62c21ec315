import type { ReporterPlugin } from './reporter.js';
import { renderHtml } from './html/render-html.js';
import { reportPath, writeReportFile } from './write-report-file.js';

/** The self-contained HTML report (report.html): matrix, filters, evidence, gate explanation, baseline diff. */
export const htmlReporter: ReporterPlugin = {
  name: 'html',
  description: 'self-contained HTML report (report.html): STRIDE x severity matrix, filters, evidence, gate explanation',
  create: (options) => ({
    async onRunEnd(report) {
      await writeReportFile(reportPath(options, 'report.html'), renderHtml(report));
    },
  }),
};

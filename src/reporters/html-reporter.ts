import type { ReporterPlugin } from './reporter.js';
import { renderHtml } from './html/render-html.js';
import { projectionReporter } from './projection-reporter.js';
import { writeReportFile } from './write-report-file.js';

/** The self-contained HTML report (report.html): matrix, filters, evidence, gate explanation, baseline diff. */
export const htmlReporter: ReporterPlugin = projectionReporter(
  'html',
  'self-contained HTML report (report.html): STRIDE x severity matrix, filters, evidence, gate explanation',
  {
    file: 'report.html',
    write: (report, output) => writeReportFile(output, renderHtml(report)),
  },
);

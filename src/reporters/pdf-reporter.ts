import { renderHtml } from './html/render-html.js';
import { printPdf } from './print-pdf.js';
import { projectionReporter } from './projection-reporter.js';
import type { ReporterPlugin } from './reporter.js';

/** The HTML report printed by the system Chromium (report.pdf): page numbers, outline, tagged. */
export const pdfReporter: ReporterPlugin = projectionReporter(
  'pdf',
  'the HTML report printed by Chromium (report.pdf; needs /usr/bin/chromium): page numbers, a bookmark outline, tagged',
  {
    file: 'report.pdf',
    write: (report, output) => printPdf(renderHtml(report), output),
  },
);

import { join } from 'node:path';
import type { Projection, ReporterPlugin } from './reporter.js';
import { reportPath } from './write-report-file.js';

/**
 * A file reporter that is nothing but its projection: at the end of a run (or a merge) it writes
 * the projection to `--reporter name=file`, else to the projection's file in the output folder,
 * exactly as `gauntlet report name` writes it from report.json.
 */
export function projectionReporter(name: string, description: string, projection: Projection): ReporterPlugin {
  return {
    name,
    description,
    projection,
    create: (options) => ({
      onRunEnd: (report) =>
        projection.write(report, reportPath(options, projection.file), {
          reportFile: join(options.outputDir, 'report.json'),
          ...(options.sarif ? { sarif: options.sarif } : {}),
        }),
    }),
  };
}

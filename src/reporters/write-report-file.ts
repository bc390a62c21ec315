import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ReporterOptions } from './reporter.js';

/** Where a file reporter writes: `--reporter name=file`, else `defaultName` in the output folder. */
export function reportPath(options: ReporterOptions, defaultName: string): string {
  return options.outputFile ?? join(options.outputDir, defaultName);
}

/** Writes a report file through a side file, so a reader never sees half of it. */
export async function writeReportFile(file: string, content: string | Uint8Array): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(`${file}.partial`, content);
  await rename(`${file}.partial`, file);
}

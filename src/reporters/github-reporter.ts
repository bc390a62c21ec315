import type { Report } from '../report/generated/types.js';
import { outcomeReason } from './case-text.js';
import { escapeCommandData, escapeCommandProperty } from './escape-workflow-command.js';
import { notableCases } from './notable-cases.js';
import type { ReporterPlugin } from './reporter.js';
import type { SarifSettings } from './sarif-settings.js';
import { writeReportFile } from './write-report-file.js';

/** GitHub keeps 10 error and 10 warning annotations per step; more are dropped silently. */
export const ANNOTATIONS_PER_LEVEL = 10;
const MESSAGE_LIMIT = 1000;

interface Annotation {
  level: 'error' | 'warning';
  title: string;
  message: string;
}

/**
 * The run as GitHub Actions workflow commands: the gate's verdict, harness errors, then one
 * annotation per failed or errored case (error) and per flaky case (warning), worst first, at
 * most {@link ANNOTATIONS_PER_LEVEL} per level, and a notice counting the rest. Annotations point
 * at the user's file when it is inside the repository (the SARIF location). Every
 * executor-supplied string is escaped, so it cannot end the command or start another one.
 */
export function renderAnnotations(report: Report, sarif?: SarifSettings): string {
  const all: Annotation[] = [];
  if (!report.gate.passed)
    all.push({ level: 'error', title: 'Gauntlet gate failed', message: report.gate.reasons.join('\n') });
  for (const e of report.harnessErrors)
    all.push({
      level: 'error',
      title: `Gauntlet harness error ${e.code}`,
      message: `${e.message}${e.path ? ` (${e.path})` : ''}`,
    });
  for (const { result, verdict } of notableCases(report)) {
    if (verdict === 'suppressed') continue;
    const rating = [result.case.severity, result.case.stride].filter(Boolean).join(', ');
    const what =
      verdict === 'failed'
        ? 'the executor is vulnerable'
        : verdict === 'errored'
          ? 'could not be judged (never a pass)'
          : 'vulnerable on some attempts (flaky)';
    all.push({
      level: verdict === 'flaky' ? 'warning' : 'error',
      title: `${verdict}: ${result.case.id}`,
      message:
        `${result.case.title}${rating ? ` (${rating})` : ''}: ${what}. ` +
        `${outcomeReason(result) ?? ''}\nreplay: ${result.replay}`,
    });
  }
  const where = fileProperties(sarif);
  const lines: string[] = [];
  const left = { error: 0, warning: 0 };
  const shown = { error: 0, warning: 0 };
  for (const a of all) {
    if (shown[a.level] >= ANNOTATIONS_PER_LEVEL) {
      left[a.level]++;
      continue;
    }
    shown[a.level]++;
    const title = escapeCommandProperty(a.title, 200);
    lines.push(`::${a.level} ${where}title=${title}::${escapeCommandData(a.message, MESSAGE_LIMIT)}`);
  }
  if (left.error + left.warning > 0)
    lines.push(
      `::notice title=Gauntlet::${left.error} more error(s) and ${left.warning} more warning(s) not annotated ` +
        `(GitHub keeps ${ANNOTATIONS_PER_LEVEL} per level and step); the job summary and report.json list every case`,
    );
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** `file=…,line=…,` for a repository-relative location, else nothing (the annotation is job-wide). */
function fileProperties(sarif: SarifSettings | undefined): string {
  const uri = sarif?.location.uri;
  if (!uri || /^[a-z][a-z0-9+.-]*:/i.test(uri)) return '';
  return `file=${escapeCommandProperty(decodeURIComponent(uri), 1000)},line=${sarif.location.startLine},`;
}

/**
 * GitHub Actions annotations (`::error`/`::warning` workflow commands), printed to stdout or
 * written to `--reporter github=FILE`.
 */
export const githubReporter: ReporterPlugin = {
  name: 'github',
  description:
    'GitHub Actions annotations: the gate verdict and one ::error/::warning per failed, errored or flaky case (capped)',
  projection: {
    file: 'annotations.txt',
    write: (report, output, { sarif }) => writeReportFile(output, renderAnnotations(report, sarif)),
  },
  create: (options) => ({
    async onRunEnd(report) {
      const text = renderAnnotations(report, options.sarif);
      if (options.outputFile) await writeReportFile(options.outputFile, text);
      else options.print(text);
    },
  }),
};

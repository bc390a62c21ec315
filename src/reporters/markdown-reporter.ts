import type { Counts, Report } from '../report/generated/types.js';
import { outcomeReason } from './case-text.js';
import { escapeMarkdown } from './escape-markdown.js';
import { safeText } from './safe-text.js';
import { notableCases } from './notable-cases.js';
import type { ReporterPlugin } from './reporter.js';
import { projectionReporter } from './projection-reporter.js';
import { writeReportFile } from './write-report-file.js';

/** Rows of the case table; a job summary holds 1 MiB, and the rest is in report.json. */
export const MARKDOWN_CASE_ROWS = 100;
const CATEGORIES = [
  'spoofing',
  'tampering',
  'repudiation',
  'information-disclosure',
  'denial-of-service',
  'elevation-of-privilege',
] as const;
const COLUMNS: Array<keyof Counts> = ['total', 'passed', 'failed', 'errored', 'unsupported', 'flaky'];

const row = (cells: readonly (string | number)[]) => `| ${cells.join(' | ')} |`;

/**
 * The run as GitHub-flavoured Markdown for a job summary ($GITHUB_STEP_SUMMARY) or a pull-request
 * comment: the gate's verdict and its reasons first, then the cases that did not pass (failed
 * first, worst severity first), then the counts per STRIDE category. Every string the harness
 * did not write (target, titles, ids, reasons, harness error messages) is escaped, so an executor
 * cannot put an image, link, HTML or emphasis into the page.
 */
export function renderMarkdown(report: Report): string {
  const md = (text: string, max = 300) => escapeMarkdown(safeText(text, max));
  const out: string[] = [];
  const passed = report.gate.passed && report.harnessErrors.length === 0;
  const verdict = passed ? 'gate passed' : report.gate.passed ? 'harness errors' : 'gate FAILED';
  out.push(`## Gauntlet: ${verdict} against ${md(report.target.name, 200)}`, '');
  if (!report.gate.passed)
    out.push('**The gate failed:**', '', ...report.gate.reasons.map((r) => `- ${md(r, 1000)}`), '');
  if (report.harnessErrors.length)
    out.push(
      `**${report.harnessErrors.length} harness error(s)** (the run itself failed, exit 2):`,
      '',
      ...report.harnessErrors
        .slice(0, 20)
        .map((e) => `- ${md(e.code, 100)}: ${md(e.message, 1000)}${e.path ? ` (${md(e.path, 300)})` : ''}`),
      '',
    );
  const all = report.summary.all;
  out.push(
    `${all.total} cases: ${all.passed} passed, ${all.failed} failed, ${all.errored} errored, ${all.flaky} flaky, ` +
      `${all.unsupported} unsupported. Gauntlet ${md(report.harness.version, 50)}, seed \`${report.seed}\`, ` +
      `${(report.durationMs / 1000).toFixed(1)} s.`,
    '',
  );
  const notable = notableCases(report);
  if (notable.length) {
    out.push(
      `### Cases that did not pass (${notable.length})`,
      '',
      row(['Case', 'Verdict', 'Severity', 'STRIDE', 'Why']),
      row(['---', '---', '---', '---', '---']),
    );
    for (const { result, verdict } of notable.slice(0, MARKDOWN_CASE_ROWS)) {
      out.push(
        row([
          md(result.case.id, 200),
          verdict === 'failed' || verdict === 'errored' ? `**${verdict}**` : verdict,
          md(result.case.severity ?? 'unrated', 20),
          md(result.case.stride ?? result.case.kind, 40),
          md(outcomeReason(result) ?? '', 400),
        ]),
      );
    }
    if (notable.length > MARKDOWN_CASE_ROWS)
      out.push('', `… and ${notable.length - MARKDOWN_CASE_ROWS} more in report.json.`);
    out.push('');
  }
  out.push('### By STRIDE category', '', row(['Category', ...COLUMNS]), row(['---', ...COLUMNS.map(() => '---:')]));
  for (const category of CATEGORIES) {
    const counts = report.summary.byStride[category];
    if (counts) out.push(row([category, ...COLUMNS.map((c) => counts[c])]));
  }
  out.push(row(['**all**', ...COLUMNS.map((c) => all[c])]), '');
  return `${out.join('\n')}\n`;
}

/** summary.md (GitHub-flavoured Markdown) in the report folder, or `--reporter markdown=FILE`. */
export const markdownReporter: ReporterPlugin = projectionReporter(
  'markdown',
  'summary.md: the gate verdict and reasons, then the cases that did not pass, for $GITHUB_STEP_SUMMARY',
  {
    file: 'summary.md',
    write: (report, output) => writeReportFile(output, renderMarkdown(report)),
  },
);

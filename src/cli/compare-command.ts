import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isHarnessError } from '../errors/harness-error.js';
import { loadReport } from '../report/load-report.js';
import { scorecardHtml, scorecardMarkdown } from '../reporters/compare/render-scorecard.js';
import { buildScorecard } from '../reporters/compare/scorecard.js';
import { writeReportFile } from '../reporters/write-report-file.js';
import type { CliIo } from './cli-io.js';
import type { Command } from './command.js';
import { ExitCode } from './exit-codes.js';
import { reportTrust, trustOptions, trustUsage } from './report-trust.js';

const usage = `Usage: gauntlet compare REPORT.json REPORT.json... [--markdown FILE] [--html FILE]

A side-by-side scorecard of executors (one report each): gate, pass rates per STRIDE category and
severity, and each scenario's worst verdict. Prints the Markdown when no file is given.
A report changed after it was written is refused (exit 2); one without a digest is accepted
with a warning.

Options:
${trustUsage}
`;

/** `gauntlet compare a.json b.json ...`: the executor scorecard in Markdown and HTML. */
export const compareCommand: Command = {
  name: 'compare',
  summary: 'side-by-side scorecard of several executors (Markdown, HTML)',
  async run(argv: string[], io: CliIo) {
    try {
      const { values, positionals } = parseArgs({
        args: argv,
        allowPositionals: true,
        options: {
          ...trustOptions,
          markdown: { type: 'string' },
          html: { type: 'string' },
          help: { type: 'boolean', short: 'h' },
        },
      });
      if (values.help) {
        io.out(usage);
        return ExitCode.Ok;
      }
      if (!positionals.length) {
        io.err(`gauntlet compare: no report given\n${usage}`);
        return ExitCode.HarnessError;
      }
      const trust = reportTrust(values, io);
      const reports = await Promise.all(positionals.map((p) => loadReport(resolve(io.cwd, p), trust)));
      const card = buildScorecard(reports);
      const markdown = scorecardMarkdown(card);
      if (values.markdown) await writeReportFile(resolve(io.cwd, values.markdown), markdown);
      if (values.html) await writeReportFile(resolve(io.cwd, values.html), scorecardHtml(card));
      if (!values.markdown && !values.html) io.out(markdown);
      else io.out(`gauntlet: scorecard of ${reports.length} executor(s) written\n`);
      return ExitCode.Ok;
    } catch (error) {
      if (!isHarnessError(error) && !(error instanceof TypeError && 'code' in error)) throw error;
      io.err(`gauntlet compare: ${(error as Error).message}\n`);
      return ExitCode.HarnessError;
    }
  },
};

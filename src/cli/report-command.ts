import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isHarnessError } from '../errors/harness-error.js';
import { loadReport, type ReportTrust } from '../report/load-report.js';
import { writeAllureResults } from '../reporters/allure-reporter.js';
import { checkSiteFolder } from '../reporters/allure/claim-site-folder.js';
import { allureBin, generateAllureSite } from '../reporters/allure/generate-allure-site.js';
import { renderHtml } from '../reporters/html/render-html.js';
import { renderJunit } from '../reporters/junit-reporter.js';
import { renderAnnotations } from '../reporters/github-reporter.js';
import { renderMarkdown } from '../reporters/markdown-reporter.js';
import { printPdf } from '../reporters/print-pdf.js';
import { renderSarif } from '../reporters/sarif-reporter.js';
import type { SarifSettings } from '../reporters/sarif-settings.js';
import { loadConfig } from '../config/load-config.js';
import { resolveSarifSettings } from './resolve-sarif-settings.js';
import { writeReportFile } from '../reporters/write-report-file.js';
import type { CliIo } from './cli-io.js';
import type { Command } from './command.js';
import { ExitCode } from './exit-codes.js';
import { reportTrust, trustOptions, trustUsage } from './report-trust.js';

const usage = `Usage: gauntlet report <format> [REPORT.json] [-o OUT] [-c CONFIG] [--sarif-category NAME]

Projects a canonical report (default reports/latest/report.json) into another format:
  html     self-contained HTML report            (default OUT: beside the report, report.html)
  pdf      the HTML report printed by Chromium   (report.pdf; needs /usr/bin/chromium)
  allure   Allure results and the Allure site    (allure-report/; needs Java 17). OUT must be new,
           empty, or a site Gauntlet built before: building it empties the folder
  junit    JUnit XML                              (junit.xml)
  sarif    SARIF 2.1.0                            (results.sarif; locations from the config's sarif section,
                                                  category from --sarif-category or the config)
  markdown GitHub-flavoured Markdown summary       (summary.md; for $GITHUB_STEP_SUMMARY)
  github   GitHub Actions annotations             (printed to stdout unless -o is given)
Options:
${trustUsage}
  -c, --config FILE        the config whose sarif section places results (sarif, github)
  --sarif-category NAME    code-scanning category of results.sarif
A report changed after it was written (its integrity digest does not match) is refused; one
without a digest (older Gauntlet) is accepted with a warning.
Exit codes: 0 written, 2 the report is unreadable, changed or unsigned, or a tool failed. The gate is not applied again.
`;

const defaults: Record<string, string> = { html: 'report.html', pdf: 'report.pdf', allure: 'allure-report', junit: 'junit.xml', sarif: 'results.sarif', markdown: 'summary.md', github: 'annotations.txt' };

/** Writes one format from a report file; returns where it went. */
export async function renderReportFile(format: string, input: string, output: string, trust: ReportTrust, sarif?: SarifSettings): Promise<string> {
  const report = await loadReport(input, trust);
  switch (format) {
    case 'html':
      await writeReportFile(output, renderHtml(report));
      break;
    case 'pdf':
      await printPdf(renderHtml(report), output);
      break;
    case 'junit':
      await writeReportFile(output, renderJunit(report));
      break;
    case 'sarif':
      await writeReportFile(output, `${JSON.stringify(renderSarif(report, sarif), null, 2)}\n`);
      break;
    case 'markdown':
      await writeReportFile(output, renderMarkdown(report));
      break;
    case 'github':
      await writeReportFile(output, renderAnnotations(report, sarif));
      break;
    case 'allure': {
      allureBin();
      await checkSiteFolder(output, [input]);
      const results = await mkdtemp(join(tmpdir(), 'gauntlet-allure-results-'));
      try {
        await writeAllureResults(report, results);
        await generateAllureSite(results, output, { keep: [input] });
      } finally {
        await rm(results, { recursive: true, force: true });
      }
      break;
    }
  }
  return output;
}

/** `gauntlet report html|pdf|allure|junit|sarif [report.json] [-o out]`. */
export const reportCommand: Command = {
  name: 'report',
  summary: 'turn a report.json into html, pdf, allure, junit, sarif, markdown or github annotations',
  async run(argv: string[], io: CliIo) {
    const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { ...trustOptions, output: { type: 'string', short: 'o' }, config: { type: 'string', short: 'c' }, 'sarif-category': { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
    const [format, inputArg, ...extra] = positionals;
    if (values.help) {
      io.out(usage);
      return ExitCode.Ok;
    }
    if (!format || !(format in defaults) || extra.length) {
      io.err(`gauntlet report: ${format && !(format in defaults) ? `unknown format "${format}"` : 'expected a format and at most one report'}\n${usage}`);
      return ExitCode.HarnessError;
    }
    const input = resolve(io.cwd, inputArg ?? 'reports/latest/report.json');
    const output = resolve(io.cwd, values.output ?? join(input, '..', defaults[format]!));
    try {
      const started = performance.now();
      const trust = reportTrust(values, io);
      const sarif = format === 'sarif' || format === 'github' ? resolveSarifSettings({ cwd: io.cwd, config: await loadConfig(io.cwd, values.config), category: values['sarif-category'], targetName: (await loadReport(input, trust)).target.name }) : undefined;
      if (format === 'github' && values.output === undefined) {
        io.out(renderAnnotations(await loadReport(input, trust), sarif));
        return ExitCode.Ok;
      }
      await renderReportFile(format, input, output, trust, sarif);
      io.out(`gauntlet: wrote ${output} (${Math.round(performance.now() - started)} ms)\n`);
      return ExitCode.Ok;
    } catch (error) {
      if (!isHarnessError(error)) throw error;
      io.err(`gauntlet: ${error.code}: ${error.message}\n`);
      return ExitCode.HarnessError;
    }
  },
};

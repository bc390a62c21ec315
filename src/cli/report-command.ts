import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { HarnessError, HarnessErrorCode, isHarnessError } from '../errors/harness-error.js';
import { loadReport, type ReportTrust } from '../report/load-report.js';
import { renderAnnotations } from '../reporters/github-reporter.js';
import { reporterRegistry } from '../reporters/reporter-registry.js';
import type { SarifSettings } from '../reporters/sarif-settings.js';
import { loadConfig } from '../config/load-config.js';
import { resolveSarifSettings } from './resolve-sarif-settings.js';
import type { CliIo } from './cli-io.js';
import type { Command } from './command.js';
import { ExitCode } from './exit-codes.js';
import { reportTrust, trustOptions, trustUsage } from './report-trust.js';

/** Every registered reporter that can be written from a finished report. */
const formats = [...reporterRegistry.values()].filter((plugin) => plugin.projection !== undefined);

const usage = `Usage: gauntlet report <format> [REPORT.json] [-o OUT] [-c CONFIG] [--sarif-category NAME]

Projects a canonical report (default reports/latest/report.json) into another format, exactly as
\`--reporter\` writes it at the end of a run (default OUT: beside the report):
${formats.map((plugin) => `  ${plugin.name.padEnd(9)}${plugin.description} -> ${plugin.projection!.file}`).join('\n')}
  github without -o prints the annotations to stdout.
Options:
${trustUsage}
  -c, --config FILE        the config whose sarif section places results (sarif, github)
  --sarif-category NAME    code-scanning category of results.sarif
A report changed after it was written (its integrity digest does not match) is refused; one
without a digest (older Gauntlet) is accepted with a warning.
Exit codes: 0 written, 2 the report is unreadable, changed or unsigned, or a tool failed. The gate is not applied again.
`;

/** Writes one format from a report file; returns where it went. */
export async function renderReportFile(
  format: string,
  input: string,
  output: string,
  trust: ReportTrust,
  sarif?: SarifSettings,
): Promise<string> {
  const projection = reporterRegistry.get(format)?.projection;
  if (!projection)
    throw new HarnessError(HarnessErrorCode.ConfigInvalid, `no reporter writes "${format}" from a report`, format);
  const report = await loadReport(input, trust);
  await projection.write(report, output, { reportFile: input, ...(sarif ? { sarif } : {}) });
  return output;
}

/** `gauntlet report html|pdf|allure|junit|sarif [report.json] [-o out]`. */
export const reportCommand: Command = {
  name: 'report',
  summary: `turn a report.json into ${formats.map((plugin) => plugin.name).join(', ')}`,
  async run(argv: string[], io: CliIo) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        ...trustOptions,
        output: { type: 'string', short: 'o' },
        config: { type: 'string', short: 'c' },
        'sarif-category': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    const [format, inputArg, ...extra] = positionals;
    if (values.help) {
      io.out(usage);
      return ExitCode.Ok;
    }
    const plugin = format === undefined ? undefined : reporterRegistry.get(format);
    if (!format || !plugin?.projection || extra.length) {
      const problem =
        format && !plugin?.projection ? `unknown format "${format}"` : 'expected a format and at most one report';
      io.err(`gauntlet report: ${problem}\n${usage}`);
      return ExitCode.HarnessError;
    }
    const input = resolve(io.cwd, inputArg ?? 'reports/latest/report.json');
    const output = resolve(io.cwd, values.output ?? join(input, '..', plugin.projection.file));
    try {
      const started = performance.now();
      const trust = reportTrust(values, io);
      const sarif =
        format === 'sarif' || format === 'github'
          ? resolveSarifSettings({
              cwd: io.cwd,
              config: await loadConfig(io.cwd, values.config),
              category: values['sarif-category'],
              targetName: (await loadReport(input, trust)).target.name,
            })
          : undefined;
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

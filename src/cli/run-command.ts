import { dirname, resolve } from 'node:path';
import { HarnessErrorCode, isHarnessError } from '../errors/harness-error.js';
import type { ReportSigner } from '../report/report-keys.js';
import type { HarnessErrorRecord, Report } from '../report/generated/types.js';
import { jsonReporter } from '../reporters/json-reporter.js';
import { runSuite } from '../runner/run-suite.js';
import type { CliIo } from './cli-io.js';
import type { Command } from './command.js';
import { emptyReport } from './empty-report.js';
import { ExitCode } from './exit-codes.js';
import { makeReporters } from './make-reporters.js';
import { planRun, type PlannedRun } from './plan-run.js';
import { parseRunArguments, type RunArguments } from './run-arguments.js';
import { runUsage } from './run-usage.js';
import { listCases } from './list-cases.js';
import { assertWritableDir } from './assert-writable-dir.js';
import { signerFrom } from './signing-key.js';
import { setAsideStartedReport } from './last-failed.js';
import { resolveSarifSettings } from './resolve-sarif-settings.js';

/**
 * `gauntlet run`: 1. parse the flags, 2. plan (config, target, corpus, selection), 3. list or
 * refuse an empty selection, 4. run with the reporters, 5. exit 0/1/2. A report is written
 * whatever happens, even when planning fails.
 */
export const runCommand: Command = {
  name: 'run',
  summary: 'run the scenarios against an executor and gate on the results',
  async run(argv, io) {
    // 1. Flags.
    let args: RunArguments;
    try {
      args = parseRunArguments(argv);
    } catch (error) {
      return failEarly(error, argv, io, 'reports/latest');
    }
    if (args.help) {
      io.out(runUsage());
      return ExitCode.Ok;
    }
    // 2. Plan.
    let planned: PlannedRun;
    let signer: ReportSigner | undefined;
    try {
      signer = signerFrom(args.signKey, io.cwd);
      planned = await planRun(args, io.cwd);
    } catch (error) {
      return failEarly(error, argv, io, args.output ?? 'reports/latest');
    }
    const { plan, outputDir } = planned;
    for (const error of plan.harnessErrors) io.err(`gauntlet: ${error.code}: ${error.message}\n`);
    // 3. --list prints; an empty selection is a harness error, never a vacuous pass.
    if (args.list) {
      io.out(listCases(plan.cases));
      return plan.cases.length === 0 ? ExitCode.HarnessError : ExitCode.Ok;
    }
    if (plan.cases.length === 0) {
      const message =
        `no case selected (${planned.planned} planned before selection, ` +
        `${plan.harnessErrors.length} invalid scenario issue(s)): a run that checks nothing must ` +
        `not pass`;
      io.err(`gauntlet: ${HarnessErrorCode.SelectionEmpty}: ${message}\n`);
      await writeJson(
        emptyReport([{ code: HarnessErrorCode.SelectionEmpty, message }], argv, plan),
        outputDir,
        io,
        signer,
      );
      return ExitCode.HarnessError;
    }
    // 4. Run, with the reporters isolated from each other and from the run. The first Ctrl-C
    //    stops the run and still writes the report; a second one exits at once. Where the
    //    reports go must be writable before the first case starts.
    try {
      await assertWritableDir(outputDir, '--output');
      for (const { file } of args.reporters)
        if (file) await assertWritableDir(dirname(resolve(io.cwd, file)), '--reporter');
    } catch (error) {
      if (!isHarnessError(error)) throw error;
      io.err(`gauntlet: ${error.code}: ${error.message}\n`);
      return ExitCode.HarnessError;
    }
    let reporters;
    try {
      reporters = makeReporters(
        args.reporters,
        outputDir,
        io,
        signer,
        resolveSarifSettings({
          cwd: io.cwd,
          config: planned.config,
          category: args.sarifCategory,
          targetName: plan.target.name,
        }),
      );
    } catch (error) {
      return failEarly(error, argv, io, outputDir);
    }
    const interrupt = new AbortController();
    const onSignal = () => {
      if (interrupt.signal.aborted) process.exit(ExitCode.HarnessError);
      io.err('\ngauntlet: interrupted; stopping the running cases and writing the report (again to quit at once)\n');
      interrupt.abort();
    };
    process.on('SIGINT', onSignal).on('SIGTERM', onSignal);
    let report: Report;
    try {
      report = await runSuite({ ...plan, interrupt: interrupt.signal }, reporters);
    } finally {
      process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
    }
    await reporters.onRunEnd(report);
    for (const failure of reporters.failures)
      io.err(`gauntlet: reporter ${failure.reporter} failed in ${failure.hook}: ${failure.message}\n`);
    if (!report.profiles) {
      const { unsupported, total } = report.summary.all;
      io.err(
        `gauntlet: warning: no conformance profile judged (--profile none): ${unsupported} of ` +
          `${total} cases were unsupported and left out of the pass rate; a pass does not mean the ` +
          `executor conforms to any profile\n`,
      );
    }
    // 5. Exit code: the harness failing outranks the gate.
    if (report.harnessErrors.length > 0 || reporters.failures.length > 0) return ExitCode.HarnessError;
    return report.gate.passed ? ExitCode.Ok : ExitCode.GateFailed;
  },
};

async function failEarly(error: unknown, argv: string[], io: CliIo, output: string): Promise<ExitCode> {
  if (!isHarnessError(error)) throw error;
  io.err(`gauntlet: ${error.code}: ${error.message}\n`);
  const record: HarnessErrorRecord = {
    code: error.code,
    message: error.message,
    ...(error.path ? { path: error.path } : {}),
  };
  await writeJson(emptyReport([record], argv), output, io);
  return ExitCode.HarnessError;
}

/** Writes the report of a run that could not start, keeping the last started run's report for --last-failed. */
async function writeJson(report: Report, outputDir: string, io: CliIo, signer?: ReportSigner): Promise<void> {
  const dir = outputDir.startsWith('/') ? outputDir : `${io.cwd}/${outputDir}`;
  try {
    setAsideStartedReport(dir);
    await jsonReporter
      .create({ outputDir: dir, print: io.out, interactive: false, ...(signer ? { signer } : {}) })
      .onRunEnd?.(report);
  } catch (error) {
    io.err(`gauntlet: could not write the report: ${(error as Error).message}\n`);
  }
}

import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isHarnessError } from '../errors/harness-error.js';
import { loadReport } from '../report/load-report.js';
import { mergeReports } from '../report/merge-reports.js';
import type { CliIo } from './cli-io.js';
import type { Command } from './command.js';
import { ExitCode } from './exit-codes.js';
import { reportTrust, trustOptions, trustUsage } from './report-trust.js';
import { signerFrom } from './signing-key.js';
import { gateArguments, gateOptions, gateUsage } from './gate-arguments.js';
import { makeReporters } from './make-reporters.js';
import { prepareGate } from './prepare-gate.js';
import { loadConfig } from '../config/load-config.js';
import { resolveSarifSettings } from './resolve-sarif-settings.js';
import { packageInfo } from '../config/package-root.js';
import { judgeProfiles } from '../profiles/judge-profiles.js';
import { loadProfiles } from '../profiles/load-profiles.js';

const usage = `Usage: gauntlet merge SHARD.json... [options]

Merges the reports of the shards of one run (gauntlet run --shard i/n) into one report, gates it
again and writes it with the reporters. A missing or overlapping shard is a harness error, and
so is a shard changed after it was written (its integrity digest does not match) or, with
--public-key, one not signed by that key. A shard without a digest (older Gauntlet) is accepted
with a warning. The merged report gets its own digest, and a signature with a signing key.

Options:
  -o, --output DIR         report folder (default reports/merged)
  -c, --config FILE        gauntlet.config.json / .ts for the gate section
  --reporter NAME[=FILE]   repeatable; json is always written
  --sign-key FILE          sign the merged report.json (default: GAUNTLET_SIGNING_KEY)
${trustUsage}
  --sarif-category NAME    code-scanning category of results.sarif (default: the config's, else gauntlet/TARGET)
${gateUsage}

Exit codes: 0 the gate passed, 1 the gate failed, 2 the harness failed (here or in a shard).
`;

/**
 * `gauntlet merge`: 1. load and check every shard, 2. merge, 3. judge the profiles again and gate, 4. write with the
 * reporters.
 */
export const mergeCommand: Command = {
  name: 'merge',
  summary: 'merge shard reports into one report and gate it',
  async run(argv: string[], io: CliIo) {
    try {
      const { values, positionals } = parseArgs({
        args: argv,
        allowPositionals: true,
        options: {
          ...gateOptions,
          output: { type: 'string', short: 'o' },
          config: { type: 'string', short: 'c' },
          reporter: { type: 'string', multiple: true },
          'sign-key': { type: 'string' },
          'sarif-category': { type: 'string' },
          ...trustOptions,
          help: { type: 'boolean', short: 'h' },
        },
      });
      if (values.help) {
        io.out(usage);
        return ExitCode.Ok;
      }
      if (!positionals.length) {
        io.err(`gauntlet merge: no shard report given\n${usage}`);
        return ExitCode.HarnessError;
      }
      // 1. Shards.
      const trust = reportTrust(values, io);
      const signer = signerFrom(values['sign-key'], io.cwd);
      const shards = await Promise.all(
        positionals.map(async (p) => ({
          file: resolve(io.cwd, p),
          report: await loadReport(resolve(io.cwd, p), trust),
        })),
      );
      // 2. Merge.
      const { profiles: _shardProfiles, ...unjudged } = mergeReports(shards);
      // 3. Profiles judged again over every shard's cases (each shard alone judged only part of them), then the gate.
      const names = unjudged.options.profiles ?? [];
      const profiles = names.length
        ? judgeProfiles(
            loadProfiles(names, { packageRoot: packageInfo().root, baseDir: io.cwd }),
            unjudged,
            unjudged.cases.map((c) => c.case),
          )
        : undefined;
      const merged = { ...unjudged, ...(profiles ? { profiles } : {}) };
      const config = await loadConfig(io.cwd, values.config);
      const gate = await prepareGate(gateArguments(values), config, io.cwd, merged.target.name);
      const report = { ...merged, gate: gate(merged) };
      // 4. Reporters.
      const outputDir = resolve(io.cwd, values.output ?? 'reports/merged');
      const sarif = resolveSarifSettings({
        cwd: io.cwd,
        config,
        category: values['sarif-category'],
        targetName: merged.target.name,
      });
      const reporters = makeReporters(
        (values.reporter ?? []).map((r) => ({
          name: r.split('=')[0]!,
          ...(r.includes('=') ? { file: resolve(io.cwd, r.slice(r.indexOf('=') + 1)) } : {}),
        })),
        outputDir,
        io,
        signer,
        sarif,
      );
      await reporters.onRunEnd(report);
      for (const failure of reporters.failures)
        io.err(`gauntlet: reporter ${failure.reporter} failed: ${failure.message}\n`);
      io.out(
        `gauntlet: merged ${shards.length} shard report(s), ${report.cases.length} cases, into ` +
          `${outputDir}; gate ` +
          `${report.gate.passed ? 'passed' : `failed:\n  ${report.gate.reasons.join('\n  ')}`}\n`,
      );
      for (const e of report.harnessErrors) io.err(`gauntlet: ${e.code}: ${e.message}\n`);
      if (report.harnessErrors.length || reporters.failures.length) return ExitCode.HarnessError;
      return report.gate.passed ? ExitCode.Ok : ExitCode.GateFailed;
    } catch (error) {
      if (!isHarnessError(error) && !(error instanceof TypeError && 'code' in error)) throw error;
      io.err(`gauntlet merge: ${(error as Error).message}\n`);
      return ExitCode.HarnessError;
    }
  },
};

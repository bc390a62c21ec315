import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { packageInfo } from '../config/package-root.js';
import { isHarnessError } from '../errors/harness-error.js';
import { formatLintIssue } from '../scenarios/lint-issue.js';
import { lintScenarios } from '../scenarios/lint-scenarios.js';
import { loadScenarios } from '../scenarios/load-scenarios.js';
import type { Command } from './command.js';
import { ExitCode } from './exit-codes.js';

const USAGE = `Usage: gauntlet lint [DIR] [--json]

Loads every scenario file under DIR (default: the scenarios folder shipped with Gauntlet) and
checks it: YAML, the schema (with a JSON pointer), ids unique and equal to the file path, STRIDE
folder, severity band, declared placeholders, the positive control, references between steps and
oracles, the rendered policy, and oracles that need canaries.
Exit codes: 0 clean, 1 issues found, 2 the folder could not be read.
`;

/** `gauntlet lint`: every issue as `file:line pointer: message [rule]`, then a count. */
export const lintCommand: Command = {
  name: 'lint',
  summary: 'check every scenario file: schema, ids, placeholders, positive controls',
  async run(argv, io) {
    let values: { json?: boolean; help?: boolean };
    let positionals: string[];
    try {
      ({ values, positionals } = parseArgs({
        args: argv,
        allowPositionals: true,
        options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      }));
    } catch (error) {
      io.err(`gauntlet lint: ${(error as Error).message}\n${USAGE}`);
      return ExitCode.HarnessError;
    }
    if (values.help) {
      io.out(USAGE);
      return ExitCode.Ok;
    }
    if (positionals.length > 1) {
      io.err(`gauntlet lint: give one folder, not ${positionals.length}\n`);
      return ExitCode.HarnessError;
    }
    const root = positionals[0] ? resolve(io.cwd, positionals[0]) : join(packageInfo().root, 'scenarios');
    try {
      const corpus = loadScenarios(root);
      const issues = [...corpus.issues, ...lintScenarios(corpus.scenarios).issues];
      if (values.json) io.out(`${JSON.stringify({ root, files: corpus.fileCount, issues }, null, 2)}\n`);
      else {
        for (const issue of issues) io.out(`${formatLintIssue(issue)}\n`);
        io.out(
          `${corpus.fileCount} scenario file${corpus.fileCount === 1 ? '' : 's'}, ${issues.length} ` +
            `issue${issues.length === 1 ? '' : 's'}\n`,
        );
      }
      if (corpus.fileCount === 0) {
        io.err(`gauntlet lint: no scenario file (.yaml) under ${root}\n`);
        return ExitCode.HarnessError;
      }
      return issues.length ? ExitCode.GateFailed : ExitCode.Ok;
    } catch (error) {
      if (!isHarnessError(error)) throw error;
      io.err(`gauntlet lint: ${error.message}\n`);
      return ExitCode.HarnessError;
    }
  },
};

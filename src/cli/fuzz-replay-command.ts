import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { HarnessError, HarnessErrorCode } from '../errors/harness-error.js';
import { fuzzCaseName } from '../lanes/fuzz/fuzz-case.js';
import { fuzzProperty, regressionLanguage } from '../lanes/fuzz/fuzz-registry.js';
import type { Language } from '../protocol/generated/types.js';
import type { CliIo } from './cli-io.js';
import type { Command } from './command.js';
import { ExitCode } from './exit-codes.js';
import { runCommand } from './run-command.js';
import { exactPattern } from './shell-quote.js';

const USAGE = `Usage:
  gauntlet replay fuzz/<property>[@<language>] --seed N --path P [--replay-path R] [run options]
  gauntlet replay <regression file.json> [run options]

Reproduces one fuzz failure: the shrunk input a failure reported (its fast-check seed and path,
as printed in the finding), or a committed regression file. Run options (--target, --config,
--tenants, --output, --reporter, ...) are those of gauntlet run; the report is written as usual.
`;

/** Takes `--name VALUE` or `--name=VALUE` out of `args`. */
function take(args: string[], name: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const word = args[i]!;
    if (word === name && i + 1 < args.length) return args.splice(i, 2)[1];
    if (word.startsWith(`${name}=`)) return args.splice(i, 1)[0]!.slice(name.length + 1);
  }
  return undefined;
}

/**
 * A replay re-runs one property, not a conformance verdict: unless the replay names profiles (as
 * a failure's own replay line does), no profile narrows the run to cases the property is not in.
 */
function withoutDefaultProfile(args: readonly string[]): string[] {
  return args.some((a) => a === '--profile' || a === '-p' || a.startsWith('--profile='))
    ? [...args]
    : [...args, '--profile', 'none'];
}

/** The `gauntlet run` arguments that replay what `argv` names. */
export function replayRunArguments(argv: readonly string[], cwd: string): string[] {
  const [what, ...rest] = argv;
  const args = withoutDefaultProfile(rest);
  if (!what || what.startsWith('-'))
    throw new HarnessError(
      HarnessErrorCode.ConfigInvalid,
      `name a fuzz case (fuzz/<property>@<language>) or a regression file\n${USAGE}`,
      'gauntlet replay',
    );
  if (what.endsWith('.json')) {
    let file: { property?: unknown; language?: unknown };
    try {
      file = JSON.parse(readFileSync(resolve(cwd, what), 'utf8')) as { property?: unknown; language?: unknown };
    } catch (error) {
      throw new HarnessError(
        HarnessErrorCode.ConfigInvalid,
        `cannot read the regression file: ${(error as Error).message}`,
        what,
      );
    }
    if (typeof file.property !== 'string')
      throw new HarnessError(
        HarnessErrorCode.ConfigInvalid,
        'a regression file names its property in "property"',
        what,
      );
    const property = fuzzProperty(file.property);
    const language = regressionLanguage(
      property,
      typeof file.language === 'string' ? (file.language as Language) : undefined,
    );
    return [
      ...args,
      '--fuzz',
      '--fuzz-replay-file',
      what,
      '--grep',
      exactPattern(`fuzz/${fuzzCaseName(property, language)}`),
    ];
  }
  const match = /^fuzz\/([a-z0-9-]+)(@[a-z]+)?$/.exec(what);
  if (!match)
    throw new HarnessError(
      HarnessErrorCode.ConfigInvalid,
      `"${what}" is neither fuzz/<property>@<language> nor a .json regression file\n${USAGE}`,
      'gauntlet replay',
    );
  const seed = take(args, '--seed');
  const path = take(args, '--path');
  const replayPath = take(args, '--replay-path');
  if (!seed || !/^\d+$/.test(seed) || !path)
    throw new HarnessError(
      HarnessErrorCode.ConfigInvalid,
      `give the failure's --seed N and --path P, as its finding printed them\n${USAGE}`,
      'gauntlet replay',
    );
  return [
    ...args,
    '--fuzz',
    '--fuzz-replay',
    `${seed}:${path}${replayPath ? `@${replayPath}` : ''}`,
    '--grep',
    exactPattern(what),
  ];
}

/** `gauntlet replay`: one fuzz failure again, through `gauntlet run` (same target flags, same reports). */
export const fuzzReplayCommand: Command = {
  name: 'replay',
  summary: 'reproduce one fuzz failure (its seed and path) or a committed regression file',
  async run(argv: string[], io: CliIo): Promise<ExitCode> {
    if (argv.includes('--help') || argv.includes('-h')) {
      io.out(USAGE);
      return ExitCode.Ok;
    }
    let args: string[];
    try {
      args = replayRunArguments(argv, io.cwd);
    } catch (error) {
      if (!(error instanceof HarnessError)) throw error;
      io.err(`gauntlet: ${error.code}: ${error.message}\n`);
      return ExitCode.HarnessError;
    }
    return runCommand.run(args, io);
  },
};

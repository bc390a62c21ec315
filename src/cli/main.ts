#!/usr/bin/env node
import { packageInfo } from '../config/package-root.js';
import type { CliIo } from './cli-io.js';
import type { Command } from './command.js';
import { ExitCode } from './exit-codes.js';
import { compareCommand } from './compare-command.js';
import { fuzzReplayCommand } from './fuzz-replay-command.js';
import { initCommand } from './init-command.js';
import { lintCommand } from './lint-command.js';
import { mergeCommand } from './merge-command.js';
import { reportCommand } from './report-command.js';
import { runCommand } from './run-command.js';
import { verifyCommand } from './verify-command.js';

/** `gauntlet list [run flags]` is `gauntlet run --list`. */
const listCommand: Command = {
  name: 'list',
  summary: 'print the cases a run would select (same flags as run)',
  run: (args, io) => runCommand.run(['--list', ...args], io),
};

/** Every subcommand. To add one (report, merge, compare, replay), import it and add a line. */
const commands: readonly Command[] = [
  runCommand,
  lintCommand,
  listCommand,
  reportCommand,
  mergeCommand,
  compareCommand,
  verifyCommand,
  fuzzReplayCommand,
  initCommand,
];

function usage(): string {
  return (
    `Usage: gauntlet <command> ` +
    `[options]\n\n${commands.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`).join('\n')}\n\n'gauntlet ` +
    `<command> --help' for its options. Exit codes: 0 passed, 1 gate failed, 2 harness error.\n`
  );
}

/** Dispatches argv to its command; anything thrown past a command is a harness bug (exit 2). */
export async function main(argv: string[], io: CliIo): Promise<ExitCode> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return name === undefined ? ExitCode.HarnessError : ExitCode.Ok;
  }
  if (name === '--version' || name === '-V') {
    io.out(`${packageInfo().version}\n`);
    return ExitCode.Ok;
  }
  // `gauntlet --list ...` and `gauntlet --target x` read as `gauntlet run ...`, like Playwright's test runner.
  const command = name.startsWith('-') ? runCommand : commands.find((c) => c.name === name);
  if (!command) {
    io.err(`gauntlet: unknown command "${name}"\n${usage()}`);
    return ExitCode.HarnessError;
  }
  try {
    return await command.run(name.startsWith('-') ? argv : rest, io);
  } catch (error) {
    io.err(`gauntlet: internal error (a bug in Gauntlet): ${(error as Error).stack ?? String(error)}\n`);
    return ExitCode.HarnessError;
  }
}

const isEntry =
  process.argv[1] !== undefined &&
  import.meta.url ===
    (await import('node:url')).pathToFileURL((await import('node:fs')).realpathSync(process.argv[1])).href;
if (isEntry) {
  const io: CliIo = {
    cwd: process.cwd(),
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    interactive: process.stdout.isTTY === true,
  };
  process.exitCode = await main(process.argv.slice(2), io);
}

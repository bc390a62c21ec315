import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { splitCommandLine } from '../targets/split-command-line.js';
import type { CliIo } from './cli-io.js';
import type { Command } from './command.js';
import { ExitCode } from './exit-codes.js';
import { initFiles } from './init-files.js';

const usage = `Usage: gauntlet init [--name NAME] [--command "CMD ARGS"] [--dir DIR]

Writes a commented gauntlet.config.mjs and .github/workflows/gauntlet.yml (which uses the Action)
into DIR (default: the working directory). Never overwrites: if either file, or another
gauntlet.config.*, exists, nothing is written and the exit code is 2.

  --name NAME        the executor's target name (default my-executor)
  --command "CMD"    the command line that starts your executor with the protocol on stdio;
                     without it the config keeps a placeholder and runs the reference executor
  --dir DIR          the project folder
`;

const CONFIG_NAMES = ['gauntlet.config.json', 'gauntlet.config.ts', 'gauntlet.config.mjs'];

/** `gauntlet init`: a starter config and workflow, refusing to overwrite anything. */
export const initCommand: Command = {
  name: 'init',
  summary: 'write a commented gauntlet.config.mjs and a GitHub workflow (never overwrites)',
  async run(argv: string[], io: CliIo) {
    let values;
    try {
      ({ values } = parseArgs({
        args: argv,
        options: {
          name: { type: 'string' },
          command: { type: 'string' },
          dir: { type: 'string' },
          help: { type: 'boolean', short: 'h' },
        },
      }));
    } catch (error) {
      io.err(`gauntlet init: ${(error as Error).message}\n${usage}`);
      return ExitCode.HarnessError;
    }
    if (values.help) {
      io.out(usage);
      return ExitCode.Ok;
    }
    const name = values.name ?? 'my-executor';
    if (!/^[a-z0-9][a-z0-9._-]{0,63}$/.test(name)) {
      io.err(
        `gauntlet init: --name must be lowercase letters, digits, '.', '_' or '-' (at most 64), ` +
          `got ${JSON.stringify(name)}\n`,
      );
      return ExitCode.HarnessError;
    }
    const words = values.command === undefined ? undefined : splitCommandLine(values.command);
    if (words && words.length === 0) {
      io.err('gauntlet init: --command is empty\n');
      return ExitCode.HarnessError;
    }
    const dir = resolve(io.cwd, values.dir ?? '.');
    const config = join(dir, 'gauntlet.config.mjs');
    const workflow = join(dir, '.github/workflows/gauntlet.yml');
    const existing = [...CONFIG_NAMES.map((n) => join(dir, n)), workflow].filter((file) => existsSync(file));
    if (existing.length) {
      io.err(
        `gauntlet init: ${existing.map((f) => relative(io.cwd, f) || f).join(', ')} already ` +
          `exist${existing.length === 1 ? 's' : ''}; nothing written\n`,
      );
      return ExitCode.HarnessError;
    }
    const files = initFiles(name, words ? { command: words[0]!, args: words.slice(1) } : undefined);
    await mkdir(dirname(workflow), { recursive: true });
    // wx: a file that appeared meanwhile is still not overwritten.
    await writeFile(config, files.config, { flag: 'wx' });
    await writeFile(workflow, files.workflow, { flag: 'wx' });
    io.out(
      `gauntlet: wrote ${relative(io.cwd, config) || config} and ` +
        `${relative(io.cwd, workflow)}\nnext: npx gauntlet list (checks the config), npx gauntlet ` +
        `run${words ? '' : ' (the reference executor until you set your command)'}\n`,
    );
    return ExitCode.Ok;
  },
};

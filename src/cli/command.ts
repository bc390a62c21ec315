import type { CliIo } from './cli-io.js';
import type { ExitCode } from './exit-codes.js';

/** A subcommand of `gauntlet`, registered in the table of main.ts. */
export interface Command {
  name: string;
  /** One line for `gauntlet --help`. */
  summary: string;
  run(args: string[], io: CliIo): Promise<ExitCode>;
}

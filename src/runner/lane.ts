import type { Policy } from '../protocol/generated/types.js';
import type { RunnableCase } from './runnable-case.js';

/** A flag a lane adds to `gauntlet run`, in node:util parseArgs terms, with its help line. */
export interface LaneFlag {
  type: 'string' | 'boolean';
  multiple?: boolean;
  /** `--name VALUE  what it does`, as `gauntlet run --help` shows it. */
  help: string;
}

/** What a lane gets to build its cases. */
export interface LaneContext {
  seed: string;
  basePolicy: Policy;
  graceMs: number;
  /** Gauntlet's package folder. */
  packageRoot: string;
  /** The working directory of the command. */
  cwd: string;
  /** The scenario corpus folder of the run (the fuzz lane keeps its regressions under it). */
  corpusRoot: string;
  /** The run's flags as given, for replay commands a lane prints. */
  runArgs: readonly string[];
}

/**
 * A source of cases that are not scenario files (the fuzz lane, for one). The CLI parses the
 * lane's flags along with its own and asks it for cases; they are selected, sharded, scheduled
 * and reported exactly like scenario cases (one case and outcome model).
 */
export interface Lane {
  name: string;
  flags: Readonly<Record<string, LaneFlag>>;
  /** The lane's cases for this run; none when its flags leave it off. */
  cases(
    flags: Readonly<Record<string, string | boolean | string[] | undefined>>,
    context: LaneContext,
  ): RunnableCase[] | Promise<RunnableCase[]>;
}

import type { Policy } from '../protocol/generated/types.js';
import type { LoadedScenario } from '../scenarios/loaded-scenario.js';
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
  /** Gauntlet starts the target's executors, so it can start one with a case's own environment. */
  startedByGauntlet: boolean;
  /** The corpus's scenarios that passed lint: the scenario lane's cases (broken files are harness errors). */
  scenarios: readonly LoadedScenario[];
  /** The run's flags as given, for replay commands a lane prints. */
  runArgs: readonly string[];
}

/**
 * A source of cases: the scenario files (src/lanes/scenario), the fuzz properties (src/lanes/fuzz).
 * The CLI parses every lane's flags along with its own and asks each lane for cases; the runner
 * selects, shards, schedules and reports them all alike (one case and outcome model), and knows
 * nothing of what a lane's cases run.
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

import { dirname, join, resolve } from 'node:path';
import { HarnessError, HarnessErrorCode } from '../../errors/harness-error.js';
import type { Lane, LaneContext } from '../../runner/lane.js';
import type { RunnableCase } from '../../runner/runnable-case.js';
import { fuzzCase, fuzzCaseName } from './fuzz-case.js';
import { fuzzProperty, fuzzRegistry, regressionLanguage } from './fuzz-registry.js';
import { fuzzReplayLine } from './fuzz-replay-line.js';
import { loadRegressions, saveRegression } from './regression-files.js';
import type { KnownCounterexample } from './run-property.js';

/**
 * Generation of one property stops after this long (it then passes with the runs it made): the lane's budget holds on a
 * slow machine.
 */
const PROPERTY_TIME_LIMIT_MS = 20_000;

type Flags = Readonly<Record<string, string | boolean | string[] | undefined>>;

function runsFlag(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const runs = Number(value);
  if (!Number.isInteger(runs) || runs < 1 || runs > 100_000)
    throw new HarnessError(
      HarnessErrorCode.ConfigInvalid,
      `must be an integer from 1 to 100000, got ${JSON.stringify(value)}`,
      '--fuzz-runs',
    );
  return runs;
}

/** `--fuzz-replay SEED:PATH[@REPLAYPATH]`, as `gauntlet replay` passes it. */
function replayFlag(value: unknown): { seed: number; path: string; replayPath?: string } | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(\d+):(\d+(?::\d+)*)(?:@(.+))?$/.exec(value);
  if (!match)
    throw new HarnessError(
      HarnessErrorCode.ConfigInvalid,
      `must be SEED:PATH as a failure reported it (e.g. 1234:5:0:1), got ${JSON.stringify(value)}`,
      '--fuzz-replay',
    );
  return { seed: Number(match[1]), path: match[2]!, ...(match[3] ? { replayPath: match[3] } : {}) };
}

/** The committed counterexamples of every case, by case name (`<property>@<language>`). */
function knownByCase(regressionsDir: string, root: string): Map<string, KnownCounterexample[]> {
  const known = new Map<string, KnownCounterexample[]>();
  for (const { file, regression } of loadRegressions(regressionsDir, root)) {
    const property = fuzzProperty(regression.property);
    const name = fuzzCaseName(property, regressionLanguage(property, regression.language));
    known.set(name, [...(known.get(name) ?? []), { source: file, input: regression.input }]);
  }
  return known;
}

/**
 * The fuzz lane: one case `fuzz/<property>@<language>` per registered property and language it
 * writes payloads in (`fuzz/<property>` for one that sends no code). On by default (`--no-fuzz`
 * leaves it out): the properties find what no scenario was written for, and the default budget
 * keeps the lane under a minute. Committed regressions (`<corpus>/regressions/*.json`) replay
 * first in every run; `--fuzz-save` adds each new counterexample there.
 */
export const fuzzLane: Lane = {
  name: 'fuzz',
  flags: {
    fuzz: { type: 'boolean', help: '--fuzz                 run the fuzz lane (the default)' },
    'no-fuzz': { type: 'boolean', help: '--no-fuzz              leave the fuzz lane out' },
    'fuzz-runs': {
      type: 'string',
      help: "--fuzz-runs N          generated inputs per fuzz property (default: each property's own, 6 to 40)",
    },
    'fuzz-save': {
      type: 'boolean',
      help: '--fuzz-save            write each new fuzz counterexample to <scenarios>/regressions/',
    },
    'fuzz-replay': {
      type: 'string',
      help: '--fuzz-replay SEED:PATH replay one reported fuzz failure (what gauntlet replay passes)',
    },
    'fuzz-replay-file': {
      type: 'string',
      help: '--fuzz-replay-file F   replay one regression file only (what gauntlet replay FILE passes)',
    },
  },
  cases(flags: Flags, context: LaneContext): RunnableCase[] {
    if (flags['no-fuzz'] === true && flags['fuzz'] !== true) return [];
    const runs = runsFlag(flags['fuzz-runs']);
    const replay = replayFlag(flags['fuzz-replay']);
    const corpus = context.corpusRoot;
    const regressionsDir = join(corpus, 'regressions');
    // 1. Replaying a single regression file: only its property, only that input.
    const file = flags['fuzz-replay-file'];
    if (typeof file === 'string') {
      const path = resolve(context.cwd, file);
      const [loaded] = loadRegressions(dirname(path), context.cwd).filter((r) => resolve(context.cwd, r.file) === path);
      if (!loaded)
        throw new HarnessError(
          HarnessErrorCode.ConfigInvalid,
          'no such regression file (a .json file under a regressions folder)',
          file,
        );
      const property = fuzzProperty(loaded.regression.property);
      const language = regressionLanguage(property, loaded.regression.language);
      const name = fuzzCaseName(property, language);
      return [
        fuzzCase(property, language, {
          runs: 1,
          timeLimitMs: PROPERTY_TIME_LIMIT_MS,
          known: [{ source: loaded.file, input: loaded.regression.input }],
          onlyKnown: true,
          replayCommand: (seed, p, r) => fuzzReplayLine(name, seed, p, r, context.runArgs),
        }),
      ];
    }
    // 2. Every property in each of its languages, its regressions first.
    const known = knownByCase(regressionsDir, corpus);
    return fuzzRegistry.flatMap((property) =>
      (property.languages ?? [undefined]).map((language) => {
        const name = fuzzCaseName(property, language);
        return fuzzCase(property, language, {
          ...(runs !== undefined ? { runs } : {}),
          timeLimitMs: PROPERTY_TIME_LIMIT_MS,
          known: known.get(name) ?? [],
          ...(replay ? { replay } : {}),
          replayCommand: (seed, path, replayPath) => fuzzReplayLine(name, seed, path, replayPath, context.runArgs),
          ...(flags['fuzz-save'] === true ? { save: (regression) => saveRegression(regressionsDir, regression) } : {}),
        });
      }),
    );
  },
};

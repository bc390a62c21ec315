import { TokenSource } from '../../canaries/token-source.js';
import { HarnessError, HarnessErrorCode } from '../../errors/harness-error.js';
import type { Language } from '../../protocol/generated/types.js';
import type { Finding } from '../../report/generated/types.js';
import type { AttemptResult, RunnableCase } from '../../runner/runnable-case.js';
import type { FuzzEnvironment } from './fuzz-context.js';
import type { AnyFuzzProperty } from './fuzz-property.js';
import { bounded } from './fuzz-verdict.js';
import { LeasedExecutor } from './leased-executor.js';
import { propertySeed } from './property-seed.js';
import type { Regression } from './generated/types.js';
import { runProperty, type Counterexample, type KnownCounterexample, type PropertyRun } from './run-property.js';

/** How one property runs as a case of `gauntlet run` (or of `gauntlet replay`). */
export interface FuzzCaseOptions {
  /** Generated inputs; the property's own default when absent. */
  runs?: number;
  /** Generation stops after this long (without failing), so the lane keeps its budget. */
  timeLimitMs: number;
  /** Committed counterexamples of this property, replayed first. */
  known: readonly KnownCounterexample[];
  /** Replay one reported failure instead of generating: its seed and path (and commands' replay path). */
  replay?: { seed: number; path: string; replayPath?: string };
  /** Check the known counterexamples only (replaying a regression file). */
  onlyKnown?: boolean;
  /** The command that replays one failure of this property. */
  replayCommand(seed: number, path: string, replayPath?: string): string;
  /** Keeps a new counterexample (`--fuzz-save`); returns where it was written. */
  save?(regression: Regression): string;
  /** The target, as the report describes it, for saved regressions. */
  targetDescription?: string;
}

/** Time a case gets besides its time limit: starting executors, shrinking, cleaning up. */
const OVERHEAD_MS = 60_000;

/**
 * The name of a property's case in one language: `<property>@<language>`, or the property's name when it sends no code.
 */
export function fuzzCaseName(property: AnyFuzzProperty, language: Language | undefined): string {
  return language ? `${property.name}@${language}` : property.name;
}

/**
 * The runnable case `fuzz/<property>[@<language>]`. Its attempt runs the property on a leased
 * executor and records the fast-check seed (and path of a failure) in the report; a failure
 * becomes a finding whose message carries the shrunk counterexample and the `gauntlet replay`
 * command. A language the executor does not declare makes the case unsupported.
 */
export function fuzzCase(
  property: AnyFuzzProperty,
  language: Language | undefined,
  options: FuzzCaseOptions,
): RunnableCase {
  const name = fuzzCaseName(property, language);
  return {
    info: {
      id: `fuzz/${name}`,
      kind: 'fuzz',
      lane: 'fuzz',
      title: property.title,
      stride: property.stride,
      severity: property.severity,
      tags: [...property.tags],
      remediation: property.remediation,
      ...(language ? { language } : {}),
    },
    deadlineMs: options.timeLimitMs * 2 + OVERHEAD_MS,
    // Limit properties measure time with the harness clock: they must not compete with other cases.
    exclusive: true,
    cost: 'cpu',
    async run({ services, signal }): Promise<AttemptResult> {
      const environment: FuzzEnvironment = {
        initialize: services.initialize,
        tenants: services.tenants,
        basePolicy: services.basePolicy,
        ...(options.replay?.replayPath ? { replayPath: options.replay.replayPath } : {}),
        ...(language ? { language } : {}),
      };
      const seed = options.replay?.seed ?? propertySeed(services.seed, name);
      const undeclared =
        language && !services.initialize.languages.some((l) => l.id === language)
          ? `the executor does not run ${language}, the language of this case's payloads`
          : undefined;
      const unsupported = undeclared ?? property.unsupportedReason?.(environment);
      if (unsupported)
        return {
          status: 'unsupported',
          reason: unsupported,
          findings: [],
          steps: [],
          executorMs: 0,
          seed: String(seed),
        };
      const executor = new LeasedExecutor(services.pool);
      const started = performance.now();
      let outcome: PropertyRun;
      try {
        outcome = await runProperty(
          property,
          environment,
          {
            ...environment,
            connection: () => executor.connection(),
            discard: (reason) => executor.discard(reason),
            graceMs: services.graceMs,
            signal,
            proofs: new TokenSource(String(seed), `fuzz/${name}`),
          },
          {
            seed,
            runs: options.runs ?? property.runs,
            timeLimitMs: options.timeLimitMs,
            known: options.known,
            ...(options.onlyKnown ? { onlyKnown: true } : {}),
            ...(options.replay ? { path: options.replay.path } : {}),
          },
        );
      } finally {
        await executor.release();
      }
      const executorMs = performance.now() - started;
      const restarts = executor.replacements ? `; the executor was replaced ${executor.replacements} time(s)` : '';
      const tried = `${outcome.known} regression(s) and ${outcome.runs} generated input(s), seed ${seed}${restarts}`;
      switch (outcome.status) {
        case 'held':
          // A replay of regression files none of which applies judged nothing.
          if (options.onlyKnown && outcome.known === 0 && outcome.notApplicable.length > 0)
            return {
              status: 'unsupported',
              reason: `the regression does not apply to this executor: ${outcome.notApplicable.join('; ')}`,
              findings: [],
              steps: [],
              executorMs,
              seed: String(seed),
            };
          // Every input skipped (none got its code to run) until the time limit: nothing was judged.
          if (outcome.known + outcome.runs === 0 && !options.onlyKnown)
            return {
              status: 'errored',
              reason:
                `judged no input: ${tried}, none of them with evidence that its code ran` +
                (outcome.interrupted ? ` before the time limit of ${options.timeLimitMs} ms` : ''),
              findings: [],
              steps: [],
              executorMs,
              seed: String(seed),
            };
          return {
            status: 'passed',
            reason:
              `held for ${tried}` +
              (outcome.interrupted ? ` (stopped at the time limit of ${options.timeLimitMs} ms)` : ''),
            findings: [],
            steps: [],
            executorMs,
            seed: String(seed),
          };
        case 'errored':
          throw new HarnessError(
            HarnessErrorCode.Internal,
            `fuzz/${name} broke the harness (seed ${seed}` +
              (outcome.path ? `, path ${outcome.path}, replay: ${options.replayCommand(seed, outcome.path)}` : '') +
              '): ' +
              (outcome.error instanceof Error ? (outcome.error.stack ?? outcome.error.message) : String(outcome.error)),
            `fuzz/${name}`,
            { cause: outcome.error },
          );
        case 'falsified':
          return falsified(property, language, options, seed, outcome.counterexample, tried, executorMs);
      }
    },
  };
}

function falsified(
  property: AnyFuzzProperty,
  language: Language | undefined,
  options: FuzzCaseOptions,
  seed: number,
  counterexample: Counterexample,
  tried: string,
  executorMs: number,
): AttemptResult {
  const { verdict, path } = counterexample;
  const replay = counterexample.regression
    ? `the committed regression ${counterexample.regression}`
    : `replay: ${options.replayCommand(seed, path!, counterexample.replayPath)}`;
  const attemptSeed = path
    ? `${seed}:${path}${counterexample.replayPath ? `@${counterexample.replayPath}` : ''}`
    : String(seed);
  const where = counterexample.regression
    ? `regression ${counterexample.regression}`
    : `shrunk ${counterexample.shrinks} time(s)`;
  // 1. Keep a new counterexample when asked to (a regression that failed again is already kept).
  let saved = '';
  if (options.save && !counterexample.regression && verdict.kind === 'broken') {
    const file = options.save({
      schemaVersion: '1.0',
      property: property.name,
      ...(language ? { language } : {}),
      input: counterexample.input,
      found: new Date().toISOString(),
      message: bounded(verdict.message, 2000),
      seed,
      ...(path ? { path } : {}),
      ...(options.targetDescription ? { target: options.targetDescription } : {}),
    });
    saved = `; saved as ${file}`;
  }
  // 2. An input whose positive control never showed cannot be judged: errored, with its replay.
  if (verdict.kind === 'inconclusive') {
    return {
      status: 'errored',
      reason:
        `could not judge an input (${where}, after ${tried}): ${verdict.reason}; input: ` +
        `${counterexample.shown}; ${replay}`,
      findings: [],
      steps: [],
      executorMs,
      seed: attemptSeed,
    };
  }
  const finding: Finding = {
    oracle: `fuzz/${fuzzCaseName(property, language)}`,
    message: bounded(
      `${verdict.message}. Counterexample (${where}, after ${tried}): ${counterexample.shown} — ${replay}${saved}`,
      2000,
    ),
    at: new Date().toISOString(),
    ...(verdict.expected !== undefined ? { expected: verdict.expected } : {}),
    ...(verdict.observed !== undefined ? { observed: verdict.observed } : {}),
    ...(verdict.excerpt !== undefined ? { excerpt: verdict.excerpt } : {}),
  };
  return { status: 'failed', findings: [finding], steps: [], executorMs, seed: attemptSeed };
}

import fc from 'fast-check';
import type { FuzzContext, FuzzEnvironment } from './fuzz-context.js';
import type { AnyFuzzProperty } from './fuzz-property.js';
import type { FuzzVerdict } from './fuzz-verdict.js';

/** A counterexample to check before any generated input (a committed regression). */
export interface KnownCounterexample {
  /** Where it came from: the regression file, relative to the corpus. */
  source: string;
  /** The input in its JSON form (the property's `encode`). */
  input: unknown;
}

export interface PropertyRunOptions {
  seed: number;
  runs: number;
  /** Replay one reported failure: its fast-check path (the seed must be the one it was found with). */
  path?: string;
  /** Checked first, in order; the first that breaks the property ends the run. */
  known?: readonly KnownCounterexample[];
  /** Generation stops (without failing) once this much time has passed; shrinking is bounded alike. */
  timeLimitMs: number;
  /** Check the known counterexamples only (replaying a regression file). */
  onlyKnown?: boolean;
}

/** A failing input: where it came from and what the executor did with it. */
export interface Counterexample {
  verdict: Exclude<FuzzVerdict, { kind: 'held' | 'not-run' }>;
  /** The shrunk input, in its JSON form. */
  input: unknown;
  /** fast-check's rendering of the input, bounded, for humans. */
  shown: string;
  /** The fast-check path that replays it with the run's seed; absent for a regression. */
  path?: string;
  /** For command sequences: fast-check's replay path of the commands (`fc.commands({ replayPath })`). */
  replayPath?: string;
  /** The regression file it came from, if it was a known one. */
  regression?: string;
  shrinks: number;
}

/** How a property fared in one run. */
export type PropertyRun =
  | {
      status: 'held';
      seed: number;
      runs: number;
      known: number;
      interrupted: boolean;
      durationMs: number;
      notApplicable: string[];
    }
  | {
      status: 'falsified';
      seed: number;
      runs: number;
      known: number;
      counterexample: Counterexample;
      durationMs: number;
    }
  | { status: 'errored'; seed: number; runs: number; known: number; error: unknown; path?: string; durationMs: number };

const SHOWN_CHARS = 1500;

/**
 * Runs one property: 1. the known counterexamples, as they are; 2. fast-check with the seed (or
 * the one path being replayed), shrinking any failure to a minimal input. A check that throws
 * broke the harness: the run is `errored`, never `held`.
 */
export async function runProperty(
  property: AnyFuzzProperty,
  environment: FuzzEnvironment,
  context: FuzzContext,
  options: PropertyRunOptions,
): Promise<PropertyRun> {
  const started = performance.now();
  const duration = () => Math.round(performance.now() - started);
  const base = { seed: options.seed, known: 0 };
  const notApplicable: string[] = [];
  // 1. Known counterexamples replay first, those that apply to this executor.
  for (const known of options.path === undefined ? (options.known ?? []) : []) {
    const input = property.decode ? property.decode(known.input) : known.input;
    const skip = property.appliesTo?.(input, environment);
    if (skip) {
      notApplicable.push(`${known.source}: ${skip}`);
      continue;
    }
    let verdict: FuzzVerdict;
    try {
      verdict = await property.check(input, context);
    } catch (error) {
      return { status: 'errored', ...base, runs: 0, error, durationMs: duration() };
    }
    if (verdict.kind === 'not-run') {
      notApplicable.push(`${known.source}: not judged, ${verdict.reason}`);
      continue;
    }
    base.known++;
    if (verdict.kind !== 'held') {
      return {
        status: 'falsified',
        ...base,
        runs: 0,
        counterexample: { verdict, input: known.input, shown: shown(input), regression: known.source, shrinks: 0 },
        durationMs: duration(),
      };
    }
  }
  if (options.onlyKnown)
    return { status: 'held', ...base, runs: 0, interrupted: false, durationMs: duration(), notApplicable };
  // 2. Generated inputs, shrunk on failure. The last failing input fast-check saw is the one it reports.
  let last: { input: unknown; verdict: Exclude<FuzzVerdict, { kind: 'held' | 'not-run' }> } | undefined;
  const predicate = fc.asyncProperty(property.arbitrary(environment), async (input) => {
    if (context.signal.aborted) throw new Error(`the case's deadline passed: ${String(context.signal.reason)}`);
    const verdict = await property.check(input, context);
    if (verdict.kind === 'held') return true;
    // Skipped, not passed: fast-check draws another input, and fails the run when too many are skipped.
    fc.pre(verdict.kind !== 'not-run');
    last = { input, verdict };
    return false;
  });
  // Examples come first on every run (and a replayed path counts them, so they stay in).
  const examples = (property.examples?.(environment) ?? []).map((example): [unknown] => [example]);
  const details = await fc.check(predicate, {
    seed: options.seed,
    ...(examples.length ? { examples } : {}),
    numRuns: options.runs,
    ...(options.path !== undefined ? { path: options.path } : {}),
    interruptAfterTimeLimit: options.timeLimitMs,
    markInterruptAsFailure: false,
  });
  if (!details.failed)
    return {
      status: 'held',
      ...base,
      runs: details.numRuns,
      interrupted: details.interrupted,
      durationMs: duration(),
      notApplicable,
    };
  const [input] = details.counterexample ?? [];
  const path = details.counterexamplePath ?? undefined;
  if (last && fc.stringify(last.input) === fc.stringify(input)) {
    const encoded = property.encode ? property.encode(input) : input;
    const replayPath = /\/\*replayPath="([^"]+)"\*\//.exec(fc.stringify(input))?.[1];
    return {
      status: 'falsified',
      ...base,
      runs: details.numRuns,
      counterexample: {
        verdict: last.verdict,
        input: encoded,
        shown: shown(input),
        ...(path ? { path } : {}),
        ...(replayPath ? { replayPath } : {}),
        shrinks: details.numShrinks,
      },
      durationMs: duration(),
    };
  }
  return {
    status: 'errored',
    ...base,
    runs: details.numRuns,
    error: details.errorInstance,
    ...(path ? { path } : {}),
    durationMs: duration(),
  };
}

function shown(input: unknown): string {
  const text = fc.stringify(input);
  return text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS)}… (${text.length} characters)` : text;
}

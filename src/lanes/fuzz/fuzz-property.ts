import type fc from 'fast-check';
import type { Language } from '../../protocol/generated/types.js';
import type { Severity, StrideCategory } from '../../scenarios/generated/types.js';
import type { FuzzContext, FuzzEnvironment } from './fuzz-context.js';
import type { FuzzVerdict } from './fuzz-verdict.js';

/**
 * One property of an executor, checked on generated inputs. The arbitrary depends only on facts
 * fixed for the run ({@link FuzzEnvironment}), so a fast-check seed and path replay the same
 * input; `check` judges one input by what the harness observes, and returns the verdict as data.
 * Counterexamples are stored as JSON (`encode`/`decode`) in scenarios/regressions/.
 */
export interface FuzzProperty<T> {
  /** Stable name: the case id is `fuzz/<name>` (with `@<language>` for a property with languages). */
  name: string;
  title: string;
  stride: StrideCategory;
  severity: Severity;
  tags: readonly string[];
  remediation: string;
  /** Runs at the default budget (`--fuzz-runs` scales every property alike). */
  runs: number;
  /**
   * The languages the property writes payloads in: it runs once per language, as the case
   * `fuzz/<name>@<language>` (unsupported where the executor does not declare the language), and
   * its arbitrary and check read the language from the environment. Absent for a property that
   * sends no code of its own (one case `fuzz/<name>`).
   */
  languages?: readonly Language[];
  /** Why this executor cannot be fuzzed on this property (a missing capability), if it cannot. */
  unsupportedReason?(environment: FuzzEnvironment): string | undefined;
  /**
   * Why a committed counterexample (a regression file) does not apply to this executor, if it does
   * not: it names a language, capability or credential shape the executor does not declare. It is
   * then skipped, not replayed blindly (a refusal or a missing feature is not the weakness kept).
   */
  appliesTo?(input: T, environment: FuzzEnvironment): string | undefined;
  arbitrary(environment: FuzzEnvironment): fc.Arbitrary<T>;
  /**
   * Inputs checked on every run before the generated ones (fast-check's examples): the cases a
   * seed must never be lucky enough to miss. They count towards the runs.
   */
  examples?(environment: FuzzEnvironment): T[];
  check(value: T, context: FuzzContext): Promise<FuzzVerdict>;
  /** The JSON form of an input, for regression files; the identity when omitted. */
  encode?(value: T): unknown;
  /** An input back from its JSON form; the identity when omitted. */
  decode?(json: unknown): T;
}

/** A property with its input type erased, for the registry. */
export type AnyFuzzProperty = FuzzProperty<unknown>;

/** Erases the input type; the property keeps its own arbitrary, check and codec consistent. */
export function defineProperty<T>(property: FuzzProperty<T>): AnyFuzzProperty {
  return property as unknown as AnyFuzzProperty;
}

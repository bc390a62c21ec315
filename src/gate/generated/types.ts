/* eslint-disable */
// GENERATED FILE: do not edit. Source: schemas/gate.schema.json
// Regenerate with `npm run generate`; `npm run check:generated` fails when this file drifts.
export type Percent = number;
/**
 * The status a known problem produces. Only not-passing statuses can be expected.
 */
export type ExpectedStatus = 'failed' | 'errored' | 'flaky';
export type BaselineStatus = 'passed' | 'failed' | 'errored' | 'unsupported' | 'flaky';

/**
 * Thresholds of the gate. Pass rate = (passed + flaky) / (passed + failed + errored + flaky), in percent: an errored case is never a pass; unsupported and suppressed cases leave the denominator.
 */
export interface GateConfig {
  minPassRate?: PassRateThresholds;
  /**
   * Fewest judged cases (passed, failed or flaky) for the gate to pass, so an empty or all-unsupported run cannot pass. Default 1.
   */
  minExecuted?: number;
  /**
   * Most errored cases (the run could not judge them) the gate tolerates. Default 0.
   */
  maxErrored?: number;
  /**
   * A case that passed only on a retry fails the gate. Default false.
   */
  failOnFlaky?: boolean;
  /**
   * Baseline file (relative to the config file): the gate then fails only on regressions against it instead of on the pass-rate thresholds.
   */
  baseline?: string;
  /**
   * Expectations files per executor: target name -> file (relative to the config file).
   */
  expectations?: {
    [k: string]: string | undefined;
  };
}
/**
 * Minimum pass rates in percent. Defaults: 100 for every severity and for cases without one (fuzz properties); none per STRIDE category and overall. A scope with no judged case is not checked.
 */
export interface PassRateThresholds {
  overall?: Percent;
  bySeverity?: {
    [k: string]: Percent | undefined;
  };
  byStride?: {
    [k: string]: Percent | undefined;
  };
  /**
   * Cases without a severity (fuzz properties).
   */
  unrated?: number;
}
/**
 * Known problems of one executor, kept outside the scenarios and reviewed like code. A case whose status is the expected one is suppressed: it stays visible in every report but leaves the pass rates. An entry past its expiry fails the gate.
 */
export interface ExpectationsFile {
  $schema?: string;
  /**
   * The target name the file is for; it must equal the report's target name.
   */
  executor: string;
  expectations: Expectation[];
}
export interface Expectation {
  /**
   * A scenario id (every language of it), or a case id such as <scenario id>@python or fuzz/<property>.
   */
  scenario: string;
  expected: ExpectedStatus;
  justification: string;
  owner: string;
  /**
   * The last day (UTC) the entry applies; from the next day on it fails the gate.
   */
  expires: string;
  issue?: string;
}
/**
 * The statuses of the last accepted run (written by --update-baseline). With --baseline the gate fails only on regressions against it.
 */
export interface Baseline {
  schemaVersion: '1.0';
  target: string;
  createdAt: string;
  runId?: string;
  corpusDigest?: string;
  /**
   * Case id (repeat suffix dropped) -> status.
   */
  cases: {
    [k: string]: BaselineStatus | undefined;
  };
}
/**
 * One rule the gate checked, with the values it compared.
 */
export interface GateRuleResult {
  rule:
    | 'min-pass-rate'
    | 'min-executed'
    | 'max-errored'
    | 'no-flaky'
    | 'no-regressions'
    | 'expectation-expired'
    | 'profile';
  /**
   * What the rule looked at: all, severity:critical, stride:tampering, unrated, a scenario id...
   */
  scope: string;
  passed: boolean;
  /**
   * The configured value (a percent, a count, a date).
   */
  threshold: number | string;
  /**
   * The observed value.
   */
  actual: number | string;
  message: string;
  /**
   * The cases that made the rule fail (at most 50).
   *
   * @maxItems 50
   */
  cases?: string[];
}
/**
 * An expectations entry and what it did: suppressed matching cases, did not match (the case did better or worse than expected) or expired.
 */
export interface AppliedExpectation {
  expectation: Expectation;
  effect: 'suppressed' | 'not-matched' | 'expired';
  cases: string[];
}
export interface BaselineChange {
  caseId: string;
  /**
   * Status in the baseline, or absent.
   */
  before: BaselineStatus | 'absent';
  after: BaselineStatus | 'absent';
  /**
   * regression: was passing (or new) and now fails or errors; fixed: was failing or erroring and now passes; changed: any other change; new and removed: present on one side only.
   */
  kind: 'regression' | 'fixed' | 'changed' | 'new' | 'removed';
}
export interface BaselineComparison {
  file: string;
  createdAt: string;
  changes: BaselineChange[];
}

/** Every definition of the gate schemas by name, for typed validation. */
export interface GateDefs {
  AppliedExpectation: AppliedExpectation;
  Baseline: Baseline;
  BaselineChange: BaselineChange;
  BaselineComparison: BaselineComparison;
  BaselineStatus: BaselineStatus;
  Expectation: Expectation;
  ExpectationsFile: ExpectationsFile;
  ExpectedStatus: ExpectedStatus;
  GateConfig: GateConfig;
  GateRuleResult: GateRuleResult;
  PassRateThresholds: PassRateThresholds;
  Percent: Percent;
}

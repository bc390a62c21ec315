import type { LintIssue, LintRule } from '../lint-issue.js';
import type { LoadedScenario } from '../loaded-scenario.js';

/** An issue as a rule reports it; the linter adds the file, the rule name and the line. */
export type RuleIssue = Pick<LintIssue, 'pointer' | 'message'>;

/** One semantic check of a schema-valid scenario. Rules are plug-ins: small, named, independent. */
export interface ScenarioLintRule {
  rule: LintRule;
  check(loaded: LoadedScenario): RuleIssue[];
}

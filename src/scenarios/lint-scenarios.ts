import type { LintIssue } from './lint-issue.js';
import type { LoadedScenario } from './loaded-scenario.js';
import { idMatchesPath } from './lint-rules/id-matches-path.js';
import { oracleCanaries } from './lint-rules/oracle-canaries.js';
import { placeholdersDeclared } from './lint-rules/placeholders-declared.js';
import { policyValid } from './lint-rules/policy-valid.js';
import { positiveControl } from './lint-rules/positive-control.js';
import { referencesResolve } from './lint-rules/references-resolve.js';
import { runtimeApisDeclared } from './lint-rules/runtime-apis-declared.js';
import type { ScenarioLintRule } from './lint-rules/scenario-lint-rule.js';
import { severityBand } from './lint-rules/severity-band.js';
import { stepReferences } from './lint-rules/step-references.js';
import { strideMatchesId } from './lint-rules/stride-matches-id.js';

/** The semantic checks, run on every scenario that matched the schema. */
export const lintRules: readonly ScenarioLintRule[] = [
  idMatchesPath,
  strideMatchesId,
  severityBand,
  placeholdersDeclared,
  positiveControl,
  referencesResolve,
  policyValid,
  oracleCanaries,
  runtimeApisDeclared,
  stepReferences,
];

/**
 * Runs every rule on every scenario, then the corpus-wide check that ids are unique. Returns the
 * issues and the scenarios that have none, which are safe to run.
 */
export function lintScenarios(scenarios: readonly LoadedScenario[]): { issues: LintIssue[]; clean: LoadedScenario[] } {
  const issues: LintIssue[] = [];
  const clean: LoadedScenario[] = [];
  const firstFileOfId = new Map<string, string>();
  for (const loaded of scenarios) {
    const found: LintIssue[] = lintRules.flatMap(({ rule, check }) =>
      check(loaded).map((issue) => ({ ...issue, rule, file: loaded.file, line: loaded.lineOf(issue.pointer) })),
    );
    const first = firstFileOfId.get(loaded.scenario.id);
    if (first !== undefined)
      found.push({
        file: loaded.file,
        pointer: '/id',
        line: loaded.lineOf('/id'),
        rule: 'unique-id',
        message: `id "${loaded.scenario.id}" is already used by ${first}`,
      });
    else firstFileOfId.set(loaded.scenario.id, loaded.file);
    issues.push(...found);
    if (found.length === 0) clean.push(loaded);
  }
  return { issues, clean };
}

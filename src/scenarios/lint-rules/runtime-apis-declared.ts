import type { RuntimeApi } from '../generated/types.js';
import { runtimeApiUses } from '../runtime-api-uses.js';
import { scenarioEnum } from '../schema-enum.js';
import type { RuleIssue, ScenarioLintRule } from './scenario-lint-rule.js';

/**
 * The JavaScript and TypeScript payloads (and step code) use no host API of the schema's list
 * that `requires.apis` does not declare, and every declared API is needed by one of them. A use
 * the code copes without (inside `try`, behind `typeof` or `?.`) is an attempt, not a need: a
 * sandbox without that API contains the attack rather than breaking the payload. The list is
 * what makes a case unsupported, not vacuously passed, on an executor that lacks the API.
 */
export const runtimeApisDeclared: ScenarioLintRule = {
  rule: 'runtime-apis-declared',
  check({ scenario }) {
    const known = scenarioEnum('RuntimeApi');
    const declared = new Set<string>(scenario.requires?.apis ?? []);
    const sources = [
      { pointer: '/payloads', code: scenario.payloads },
      ...(scenario.steps ?? []).map((step, index) => ({ pointer: `/steps/${index}/code`, code: step.code })),
    ];
    const issues: RuleIssue[] = [];
    const needed = new Set<string>();
    for (const { pointer, code } of sources) {
      for (const language of ['javascript', 'typescript'] as const) {
        const text = code?.[language];
        if (text === undefined) continue;
        for (const use of runtimeApiUses(text, known)) {
          if (use.guarded) continue;
          needed.add(use.api);
          if (!declared.has(use.api))
            issues.push({
              pointer: `${pointer}/${language}`,
              message:
                `line ${use.line} needs ${use.api} (outside try, typeof or ?.): ` +
                'add it to requires.apis, or guard the use',
            });
        }
      }
    }
    const unused = [...declared].filter((api) => !needed.has(api as RuntimeApi));
    for (const api of unused)
      issues.push({
        pointer: '/requires/apis',
        message:
          `${api} is declared but no JavaScript or TypeScript payload needs it: ` +
          'a needless declaration makes the case unsupported where it could run',
      });
    return dedupe(issues);
  },
};

function dedupe(issues: RuleIssue[]): RuleIssue[] {
  const seen = new Set<string>();
  return issues.filter(
    (issue) =>
      !seen.has(`${issue.pointer}\u0000${issue.message}`) && seen.add(`${issue.pointer}\u0000${issue.message}`),
  );
}

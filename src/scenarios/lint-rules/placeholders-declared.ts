import { jsonStrings } from '../json-strings.js';
import { placeholdersIn } from '../template.js';
import { declaredVariables } from '../template-variables.js';
import type { ScenarioLintRule } from './scenario-lint-rule.js';

/**
 * Every `{{name}}` in payloads, step code, step sessions and policies is declared: a built-in, a
 * variable of a canary listed in `canaries`, or the id of a session a step names.
 */
export const placeholdersDeclared: ScenarioLintRule = {
  rule: 'placeholders-declared',
  check({ scenario }) {
    const declared = declaredVariables(scenario);
    const templated = jsonStrings({
      payloads: scenario.payloads,
      policy: scenario.policy ?? {},
      steps: scenario.steps ?? [],
    });
    return templated.flatMap(({ pointer, text }) =>
      placeholdersIn(text)
        .filter((name) => !declared.has(name))
        .map((name) => ({ pointer, message: `placeholder {{${name}}} is not declared${hint(name)}` })),
    );
  },
};

function hint(name: string): string {
  const canary = /^canary\.([a-z-]+)\./.exec(name)?.[1];
  if (canary) return `: add "${canary}" to canaries, or check the variable name`;
  if (name.startsWith('session.')) return ': name that session in a step';
  return '';
}

import { protocolValidator } from '../../protocol/protocol-validator.js';
import { defaultPolicy } from '../../protocol/default-policy.js';
import { mergePolicy } from '../merge-policy.js';
import { renderDeep, placeholdersIn } from '../template.js';
import { jsonStrings } from '../json-strings.js';
import type { ScenarioLintRule } from './scenario-lint-rule.js';

/**
 * The scenario's policy, and each step's, make a valid protocol Policy once merged over the
 * default and rendered (placeholders get stand-in values of the right shape).
 */
export const policyValid: ScenarioLintRule = {
  rule: 'policy-valid',
  check({ scenario }) {
    const layers = [{ pointer: '/policy', overrides: [scenario.policy] }];
    (scenario.steps ?? []).forEach((step, index) => {
      if (step.policy) layers.push({ pointer: `/steps/${index}/policy`, overrides: [scenario.policy, step.policy] });
    });
    return layers.flatMap(({ pointer, overrides }) => {
      if (overrides.every((o) => o === undefined)) return [];
      const stand = standIns(overrides);
      const check = protocolValidator().validate('Policy', renderDeep(mergePolicy(defaultPolicy, ...overrides), stand));
      return check.ok
        ? []
        : check.issues.map((issue) => ({
            pointer: `${pointer}${issue.pointer}`,
            message: `once rendered, ${issue.message}`,
          }));
    });
  },
};

/** A value of plausible shape for every placeholder: ports are numbers, the rest short words. */
function standIns(values: unknown[]): Map<string, string> {
  const names = jsonStrings(values).flatMap(({ text }) => placeholdersIn(text));
  return new Map(names.map((name) => [name, name.endsWith('.port') ? '9' : 'x']));
}

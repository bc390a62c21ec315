import type { ScenarioLintRule } from './scenario-lint-rule.js';

/** The first segment of the id (the folder) is the primary STRIDE category. */
export const strideMatchesId: ScenarioLintRule = {
  rule: 'stride-matches-id',
  check({ scenario }) {
    const folder = scenario.id.split('.')[0];
    return folder === scenario.stride
      ? []
      : [
          {
            pointer: '/stride',
            message: `stride is "${scenario.stride}" but the scenario sits in the ${folder} folder`,
          },
        ];
  },
};

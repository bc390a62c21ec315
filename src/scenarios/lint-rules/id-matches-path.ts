import type { ScenarioLintRule } from './scenario-lint-rule.js';

/** The id is the file path under the corpus root, without the extension, with `/` read as `.`. */
export const idMatchesPath: ScenarioLintRule = {
  rule: 'id-matches-path',
  check({ file, scenario }) {
    const expected = file
      .replace(/\.ya?ml$/, '')
      .split('/')
      .join('.');
    return scenario.id === expected
      ? []
      : [{ pointer: '/id', message: `id "${scenario.id}" does not match the file path; it must be "${expected}"` }];
  },
};

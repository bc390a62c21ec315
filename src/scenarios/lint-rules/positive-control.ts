import { runsPayloads, scenarioSteps, stepControl } from '../scenario-steps.js';
import { placeholdersIn } from '../template.js';
import type { ScenarioLintRule } from './scenario-lint-rule.js';

/**
 * Every payload prints {{marker}} (its positive control), some step runs the payloads, and a step
 * with its own code that claims a marker control prints it too. Without a positive control,
 * "nothing leaked" cannot be told apart from "the attack never ran".
 */
export const positiveControl: ScenarioLintRule = {
  rule: 'positive-control',
  check({ scenario }) {
    const issues = Object.entries(scenario.payloads)
      .filter(([, code]) => !placeholdersIn(code).includes('marker'))
      .map(([language]) => ({ pointer: `/payloads/${language}`, message: 'missing positive control: the payload must print {{marker}} before its dangerous step' }));
    const steps = scenarioSteps(scenario);
    if (!steps.some(runsPayloads)) issues.push({ pointer: '/steps', message: 'no step runs the payloads (an execute step without code)' });
    steps.forEach((step, index) => {
      if (step.code === undefined || stepControl(step) !== 'marker') return;
      for (const [language, code] of Object.entries(step.code)) {
        if (!placeholdersIn(code).includes('marker')) issues.push({ pointer: `/steps/${index}/code/${language}`, message: 'missing positive control: control is marker but the code never prints {{marker}}' });
      }
    });
    return issues;
  },
};

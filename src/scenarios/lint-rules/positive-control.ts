import { runsPayloads, scenarioSteps, stepControl } from '../scenario-steps.js';
import { placeholdersIn } from '../template.js';
import type { ScenarioLintRule } from './scenario-lint-rule.js';

/** Where `{{proof.after}}` comes before `{{proof}}`, it cannot mark the far side of the attack. */
function afterBeforeProof(code: string): boolean {
  const after = code.search(/\{\{\s*proof\.after\s*\}\}/);
  const before = code.search(/\{\{\s*proof\s*\}\}/);
  return after >= 0 && before >= 0 && after < before;
}

/**
 * Every payload prints {{proof}} (its positive control), some step runs the payloads, and a step
 * with its own code that claims a marker control prints it too. Without a positive control,
 * "nothing leaked" cannot be told apart from "the attack never ran". A payload that also prints
 * {{proof.after}} prints it after {{proof}}, past its attack point.
 */
export const positiveControl: ScenarioLintRule = {
  rule: 'positive-control',
  check({ scenario }) {
    const issues = Object.entries(scenario.payloads)
      .filter(([, code]) => !placeholdersIn(code).includes('proof'))
      .map(([language]) => ({
        pointer: `/payloads/${language}`,
        message: 'missing positive control: the payload must print {{proof}} before its dangerous step',
      }));
    for (const [language, code] of Object.entries(scenario.payloads)) {
      if (afterBeforeProof(code))
        issues.push({
          pointer: `/payloads/${language}`,
          message: '{{proof.after}} comes before {{proof}}: print it once the code is past its attack point',
        });
    }
    const steps = scenarioSteps(scenario);
    if (!steps.some(runsPayloads))
      issues.push({ pointer: '/steps', message: 'no step runs the payloads (an execute step without code)' });
    steps.forEach((step, index) => {
      if (step.code === undefined || stepControl(step) !== 'marker') return;
      for (const [language, code] of Object.entries(step.code)) {
        if (!placeholdersIn(code).includes('proof'))
          issues.push({
            pointer: `/steps/${index}/code/${language}`,
            message: 'missing positive control: control is marker but the code never prints {{proof}}',
          });
        else if (afterBeforeProof(code))
          issues.push({
            pointer: `/steps/${index}/code/${language}`,
            message: '{{proof.after}} comes before {{proof}}: print it once the code is past its attack point',
          });
      }
    });
    return issues;
  },
};

import type { Step } from '../generated/types.js';
import { scenarioSteps } from '../scenario-steps.js';
import { placeholdersIn } from '../template.js';
import type { ScenarioLintRule } from './scenario-lint-rule.js';

const EXECUTION_ID = /^execution\.(.+)\.id$/;

/**
 * Steps that point at other steps point at the right kind: a cancel step names the execution of an
 * earlier execute step (or an id that never existed), only execute steps run in the background,
 * and victim-unharmed judges execute steps of the victim (a request of the victim, not the
 * attacker's answer).
 */
export const stepReferences: ScenarioLintRule = {
  rule: 'step-references',
  check({ scenario }) {
    const steps = scenarioSteps(scenario);
    const issues: { pointer: string; message: string }[] = [];
    steps.forEach((step, index) => {
      if (step.background && !isExecute(step))
        issues.push({ pointer: `/steps/${index}/background`, message: 'only execute steps run in the background' });
      if (step.action !== 'cancel' || step.execution === undefined) return;
      for (const name of placeholdersIn(step.execution)) {
        const target = EXECUTION_ID.exec(name)?.[1];
        if (target === undefined) continue;
        const at = steps.findIndex((s) => s.id === target);
        if (at < 0 || at >= index)
          issues.push({
            pointer: `/steps/${index}/execution`,
            message: `{{${name}}} must name an execute step before this one`,
          });
      }
    });
    scenario.expect.forEach((expectation, index) => {
      if (expectation.oracle !== 'victim-unharmed') return;
      for (const id of expectation.steps) {
        const step = steps.find((s) => s.id === id);
        if (!step || !isExecute(step) || step.tenant !== 'victim')
          issues.push({
            pointer: `/expect/${index}/steps`,
            message: `victim-unharmed judges execute steps of the victim, and ${id} is none`,
          });
      }
    });
    return issues;
  },
};

function isExecute(step: Step): boolean {
  return (step.action ?? 'execute') === 'execute';
}

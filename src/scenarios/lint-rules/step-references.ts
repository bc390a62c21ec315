import type { Step } from '../generated/types.js';
import { scenarioSteps } from '../scenario-steps.js';
import { placeholdersIn } from '../template.js';
import type { ScenarioLintRule } from './scenario-lint-rule.js';

const EXECUTION_ID = /^execution\.(.+)\.id$/;

/**
 * Steps that point at other steps point at the right kind: a cancel step names the execution of an
 * earlier execute step (or an id that never existed), only execute steps run in the background,
 * victim-unharmed judges execute steps of the victim (a request of the victim, not the
 * attacker's answer), only execute and cancel steps repeat, and same-timing compares two steps sent in the same
 * rounds (consecutive, with the same repeat).
 */
export const stepReferences: ScenarioLintRule = {
  rule: 'step-references',
  check({ scenario }) {
    const steps = scenarioSteps(scenario);
    const issues: { pointer: string; message: string }[] = [];
    steps.forEach((step, index) => {
      if (step.background && !isExecute(step))
        issues.push({ pointer: `/steps/${index}/background`, message: 'only execute steps run in the background' });
      if (step.repeat !== undefined && (step.background || !(isExecute(step) || step.action === 'cancel')))
        issues.push({
          pointer: `/steps/${index}/repeat`,
          message: 'only execute and cancel steps repeat, and never in the background',
        });
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
      if (expectation.oracle === 'same-timing') issues.push(...interleaved(steps, expectation.steps, index));
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

/** same-timing compares round by round: both steps must repeat, the same number of times, one right after the other. */
function interleaved(steps: readonly Step[], ids: readonly string[], index: number) {
  const at = ids.map((id) => steps.findIndex((s) => s.id === id));
  const [a, b] = at.map((i) => steps[i]);
  if (!a || !b) return []; // references-resolve reports the missing step
  if (a.repeat !== undefined && a.repeat === b.repeat && Math.abs(at[0]! - at[1]!) === 1) return [];
  return [
    {
      pointer: `/expect/${index}/steps`,
      message:
        `same-timing compares steps sent in the same rounds: ${ids.join(' and ')} must be consecutive steps ` +
        'with the same repeat',
    },
  ];
}

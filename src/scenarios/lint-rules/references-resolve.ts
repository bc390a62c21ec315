import type { Expectation, Scenario } from '../generated/types.js';
import { scenarioSteps, runsPayloads } from '../scenario-steps.js';
import { SESSION_NAME } from '../template-variables.js';
import type { RuleIssue, ScenarioLintRule } from './scenario-lint-rule.js';

/**
 * Names resolve: step ids are unique, oracles name existing steps, session actions name a
 * session (destroy-session may address one by id through a placeholder), requires.languages has payloads, and steps
 * with their own code cover every language.
 */
export const referencesResolve: ScenarioLintRule = {
  rule: 'references-resolve',
  check({ scenario }) {
    return [
      ...stepIssues(scenario),
      ...scenario.expect.flatMap((e, i) => expectationIssues(e, i, scenario)),
      ...languageIssues(scenario),
    ];
  },
};

function stepIssues(scenario: Scenario): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const seen = new Set<string>();
  (scenario.steps ?? []).forEach((step, index) => {
    if (seen.has(step.id))
      issues.push({ pointer: `/steps/${index}/id`, message: `step id "${step.id}" is used twice` });
    seen.add(step.id);
    const action = step.action ?? 'execute';
    if (action === 'create-session' && (step.session === undefined || !SESSION_NAME.test(step.session))) {
      issues.push({ pointer: `/steps/${index}/session`, message: `${action} needs a session name ([a-z][a-z0-9-]*)` });
    }
    if (action === 'destroy-session' && step.session === undefined)
      issues.push({
        pointer: `/steps/${index}/session`,
        message: `${action} needs a session name or a placeholder that gives a session id`,
      });
    if (action !== 'execute' && step.code !== undefined)
      issues.push({ pointer: `/steps/${index}/code`, message: `${action} runs no code` });
  });
  return issues;
}

function expectationIssues(expectation: Expectation, index: number, scenario: Scenario): RuleIssue[] {
  const ids = new Set(scenarioSteps(scenario).map((s) => s.id));
  const named: Array<[string, string]> = [];
  if ('step' in expectation && expectation.step !== undefined) named.push(['step', expectation.step]);
  if (expectation.oracle === 'no-state-bleed') expectation.observe.forEach((id, i) => named.push([`observe/${i}`, id]));
  if (expectation.oracle === 'audit-records-execution')
    expectation.steps?.forEach((id, i) => named.push([`steps/${i}`, id]));
  if (expectation.oracle === 'same-answer' || expectation.oracle === 'same-timing')
    expectation.steps.forEach((id, i) => named.push([`steps/${i}`, id]));
  return named
    .filter(([, id]) => !ids.has(id))
    .map(([member, id]) => ({
      pointer: `/expect/${index}/${member}`,
      message: `no step has id "${id}" (steps: ${[...ids].join(', ')})`,
    }));
}

function languageIssues(scenario: Scenario): RuleIssue[] {
  const payloadLanguages = Object.keys(scenario.payloads);
  const issues: RuleIssue[] = (scenario.requires?.languages ?? [])
    .filter((language) => !payloadLanguages.includes(language))
    .map((language) => ({
      pointer: '/requires/languages',
      message: `requires ${language} but has no ${language} payload`,
    }));
  const running = scenario.requires?.languages ?? payloadLanguages;
  (scenario.steps ?? []).forEach((step, index) => {
    if (runsPayloads(step) || step.code === undefined) return;
    for (const language of running) {
      if (!(language in step.code))
        issues.push({
          pointer: `/steps/${index}/code`,
          message: `has no ${language} code, but the scenario runs ${language}`,
        });
    }
  });
  return issues;
}

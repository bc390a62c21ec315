import { canaryRegistry } from '../canaries/canary-registry.js';
import type { Scenario } from './generated/types.js';
import { proofPlaceholders } from './proof-of-execution.js';

/**
 * Variables every case has: `proof` (the positive control: an expression the payload prints
 * before its dangerous step, whose value only running the code reveals), `proof.after` (a second
 * one, printed once the code is past its attack point), `nonce` (a fresh value that is not
 * secret, for state-bleed checks) and the two tenants' ids.
 */
export const builtinVariables = [...proofPlaceholders, 'nonce', 'tenant.attacker.id', 'tenant.victim.id'] as const;

/** Matches a session name of a step, as opposed to a placeholder that addresses a session by id. */
export const SESSION_NAME = /^[a-z][a-z0-9-]*$/;

/** Every placeholder name a scenario may use: built-ins, its canaries' variables, its sessions' and executions' ids. */
export function declaredVariables(scenario: Scenario): Set<string> {
  const names = new Set<string>(builtinVariables);
  for (const kind of scenario.canaries)
    for (const name of canaryRegistry[kind].variables) names.add(`canary.${kind}.${name}`);
  for (const step of scenario.steps ?? []) {
    if (step.session !== undefined && SESSION_NAME.test(step.session)) names.add(`session.${step.session}.id`);
    if ((step.action ?? 'execute') === 'execute') names.add(`execution.${step.id}.id`);
  }
  return names;
}

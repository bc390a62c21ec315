import type { GateResult, ProfileResult } from '../report/generated/types.js';
import type { GateRuleResult } from './generated/types.js';

/** One gate rule per profile: it holds when the profile passed, or ran partially without failing. */
export function profileRules(profiles: readonly ProfileResult[]): GateRuleResult[] {
  return profiles.map((p) => ({
    rule: 'profile',
    scope: `profile:${p.id}`,
    passed: p.status !== 'failed',
    threshold: 0,
    actual: p.reasons.length,
    message:
      p.status === 'failed'
        ? `profile ${p.id} failed: ${p.reasons.slice(0, 8).join('; ')}` +
          (p.reasons.length > 8 ? `; and ${p.reasons.length - 8} more` : '')
        : p.status === 'partial'
          ? `profile ${p.id}: what ran passed, but ${p.notSelected} of its cases were not selected, so ` +
            `this is no conformance verdict`
          : `profile ${p.id} passed: every requirement declared, ${p.judged} cases judged, none ` +
            `unsupported beyond its allowance`,
  }));
}

/** The gate with the profiles' rules added: a failed profile fails the gate. */
export function withProfileRules(gate: GateResult, profiles: readonly ProfileResult[] | undefined): GateResult {
  if (!profiles?.length) return gate;
  const rules = profileRules(profiles);
  const failed = rules.filter((r) => !r.passed);
  return {
    ...gate,
    passed: gate.passed && failed.length === 0,
    reasons: [...failed.map((r) => `${r.rule}: ${r.message}`), ...gate.reasons],
    rules: [...rules, ...(gate.rules ?? [])],
  };
}

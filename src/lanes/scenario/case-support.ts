import { canaryRegistry } from '../../canaries/canary-registry.js';
import { oracleOf } from '../../oracles/oracle-registry.js';
import type { Language } from '../../protocol/generated/types.js';
import { missingCapabilities } from '../../scenarios/capability-check.js';
import type { Capability, Scenario } from '../../scenarios/generated/types.js';
import { mergePolicy } from '../../scenarios/merge-policy.js';
import { overrideLimitCapabilities, policyModeCapabilities } from '../../scenarios/policy-capabilities.js';
import { scenarioSteps } from '../../scenarios/scenario-steps.js';
import type { RunServices } from '../../runner/run-services.js';

/**
 * Why a scenario cannot run in `language` against this executor and target, or undefined when
 * it can: the executor lacks the language, a host API the payloads need (it declares it absent),
 * or a capability the scenario, its canaries or its
 * oracles need, or the policy of one of its steps needs (a mode, or a limit the scenario sets), or
 * the target cannot host one of its canaries. Such a case is unsupported, which is never a pass.
 */
export function unsupportedReason(scenario: Scenario, language: Language, services: RunServices): string | undefined {
  const runtime = services.initialize.languages.find((l) => l.id === language);
  if (!runtime) return `the executor does not run ${language}`;
  // The APIs are JavaScript host globals; a Python or shell payload needs none of them.
  const javascript = language === 'javascript' || language === 'typescript';
  const lacking = javascript ? (scenario.requires?.apis ?? []).filter((api) => runtime.absentApis?.includes(api)) : [];
  if (lacking.length) return `the executor declares that its ${language} sandbox has no ${lacking.join(', ')}`;
  const disabled = services.canaryTarget.settings.disabled ?? [];
  for (const kind of scenario.canaries) {
    if (disabled.includes(kind)) return `the ${kind} canary is disabled for this target`;
    const reason = canaryRegistry[kind].unsupportedReason(services.canaryTarget);
    if (reason) return reason;
  }
  const needed: Capability[] = [
    ...(scenario.requires?.capabilities ?? []),
    ...scenario.canaries.flatMap((kind) => canaryRegistry[kind].requires),
    ...scenario.expect.flatMap((expectation) => oracleOf(expectation).requires),
    ...((scenario.steps ?? []).some((s) => s.session !== undefined) ? (['sessions'] as const) : []),
    ...((scenario.steps ?? []).some((s) => s.action === 'cancel') ? (['cancel'] as const) : []),
    ...overrideLimitCapabilities(scenario.policy),
    ...scenarioSteps(scenario).flatMap((step) => [
      ...policyModeCapabilities(mergePolicy(services.basePolicy, scenario.policy, step.policy)),
      ...overrideLimitCapabilities(step.policy),
    ]),
  ];
  const missing = missingCapabilities(
    needed,
    services.initialize.capabilities,
    language,
    services.initialize.executorInfo,
  );
  return missing.length ? `the executor does not declare ${missing.join(', ')}` : undefined;
}

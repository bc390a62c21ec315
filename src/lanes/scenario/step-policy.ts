import type { PlantedCanary } from '../../canaries/canary.js';
import { HarnessError, HarnessErrorCode } from '../../errors/harness-error.js';
import type { Policy } from '../../protocol/generated/types.js';
import { protocolValidator } from '../../protocol/protocol-validator.js';
import type { Scenario, Step } from '../../scenarios/generated/types.js';
import { mergePolicy } from '../../scenarios/merge-policy.js';
import { renderDeep } from '../../scenarios/template.js';
import { formatIssues } from '../../validation/schema-validator.js';

/**
 * The policy a step runs under: the run's base policy, then the scenario's and the step's
 * overrides (rendered), then what the canaries add (their env variables, secrets and tools).
 * Validated against the protocol, so a bad scenario fails here with a pointer, not at the executor.
 */
export function stepPolicy(
  base: Policy,
  scenario: Scenario,
  step: Step,
  canaries: readonly PlantedCanary[],
  variables: ReadonlyMap<string, string>,
  file: string,
): Policy {
  const rendered = renderDeep(mergePolicy(base, scenario.policy, step.policy), variables, file);
  const added = canaries.map((c) => c.policy ?? {});
  const env = Object.assign({}, rendered.env, ...added.map((a) => a.env ?? {})) as Record<string, string>;
  const secrets = [...(rendered.secrets ?? []), ...added.flatMap((a) => a.secrets ?? [])];
  const tools = [...(rendered.tools ?? []), ...added.flatMap((a) => a.tools ?? [])];
  const policy: Policy = {
    ...rendered,
    ...(Object.keys(env).length ? { env } : {}),
    ...(secrets.length ? { secrets } : {}),
    ...(tools.length ? { tools } : {}),
  };
  const check = protocolValidator().validate('Policy', policy);
  if (!check.ok)
    throw new HarnessError(
      HarnessErrorCode.ScenarioInvalid,
      `the policy of step ${step.id} is not a valid protocol Policy: ${formatIssues(check.issues)}`,
      file,
    );
  return check.value;
}

import type { CanaryTarget } from '../../canaries/canary.js';
import type { Scenario } from '../../scenarios/generated/types.js';

/**
 * Whether a case of `scenario` runs on an executor of its own, started for it and discarded after,
 * rather than on a shared one: when the scenario asks for one (the `fresh-executor` flag), or when
 * it plants an env canary on a target Gauntlet starts, since only a process started for the case
 * can carry a fresh token in its environment. Decided here once, for the case's deadline (which
 * then allows for an executor start) and for the executor the attempt leases.
 *
 * The two used to be decided apart and disagreed on one case: an env canary on a target Gauntlet
 * does not start (its value is the operator's fixed canaries.env). The deadline allowed for a
 * start there; the lease shared the executor. The stricter of the two is kept, the shared
 * executor: a new connection to an executor Gauntlet does not start reaches the same process, so a
 * case of its own would isolate nothing and would only skip the health probe that checks what the
 * case left for the next one; and the deadline no longer allows for a start that never happens.
 */
export function needsOwnExecutor(scenario: Scenario, target: Pick<CanaryTarget, 'startedByGauntlet'>): boolean {
  if ((scenario.flags ?? []).includes('fresh-executor')) return true;
  return target.startedByGauntlet && scenario.canaries.includes('env');
}

import type { Lane } from '../../runner/lane.js';
import { planCases } from './plan-cases.js';

/**
 * The scenario lane: one case `<scenario id>@<language>` per scenario of the corpus that passed
 * lint and language it runs in. Always on and without flags of its own: the run's selection
 * (`--grep`, `--stride`, …) is what narrows it.
 */
export const scenarioLane: Lane = {
  name: 'scenario',
  flags: {},
  cases: (_flags, context) => planCases(context.scenarios, context),
};

import { fuzzLane } from '../lanes/fuzz/fuzz-lane.js';
import { scenarioLane } from '../lanes/scenario/scenario-lane.js';
import type { Lane } from '../runner/lane.js';

/**
 * The lanes of a run, in the order their cases are planned. To add one, write it under its own
 * folder of src/lanes and add it here: its flags join `gauntlet run`'s, its cases join the run.
 */
export const lanes: readonly Lane[] = [scenarioLane, fuzzLane];

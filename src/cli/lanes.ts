import { fuzzLane } from '../lanes/fuzz/fuzz-lane.js';
import type { Lane } from '../runner/lane.js';

/**
 * Lanes of cases besides the scenario files. To add one (the fuzz lane), write it under its own
 * folder and add it here: its flags join `gauntlet run`'s, its cases join the run.
 */
export const lanes: readonly Lane[] = [fuzzLane];

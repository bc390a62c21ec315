import { fileURLToPath } from 'node:url';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fuzzFaultTable } from '../src/lanes/fuzz/testing/fuzz-fault-table.js';
import { loadScenarios } from '../src/scenarios/load-scenarios.js';
import { faultRegistry } from '../reference-impl/src/faults/fault-registry.js';

const corpus = loadScenarios(dirname(fileURLToPath(import.meta.url)));

/** Every fault a scenario's calibration says it fails against. */
const scenarioFaults = new Set(
  corpus.scenarios.flatMap((s) =>
    s.scenario.calibration.failsWith.flatMap((w) => (w.fault === undefined ? [] : [w.fault])),
  ),
);
/** Every fault a fuzz property must fail against. */
const fuzzFaults = new Set(Object.values(fuzzFaultTable).flatMap((row) => row.faults.map((f) => f.fault)));

/**
 * A weakness no scenario and no fuzz property is calibrated against could be planted unseen: each
 * --fault of the reference is named by some scenario's calibration.failsWith or some fuzz row
 * (calibration.test.ts and fuzz-registry.test.ts then prove that it turns them red).
 */
describe('fault coverage', () => {
  it('names every fault of the reference in a scenario calibration or a fuzz row', () => {
    const unnamed = faultRegistry
      .map((f) => f.name)
      .filter((name) => !scenarioFaults.has(name) && !fuzzFaults.has(name));
    expect(unnamed, 'faults no scenario calibration and no fuzz row names').toEqual([]);
  });

  it('names no fault the reference lacks', () => {
    const known = new Set<string>(faultRegistry.map((f) => f.name));
    expect([...scenarioFaults, ...fuzzFaults].filter((name) => !known.has(name))).toEqual([]);
  });
});

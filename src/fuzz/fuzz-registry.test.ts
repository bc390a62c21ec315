import { describe, expect, it } from 'vitest';
import { fuzzProperty, fuzzRegistry } from './fuzz-registry.js';
import { fuzzAgainstReference } from './testing/fuzz-against-reference.js';
import { fuzzFaultTable } from './testing/fuzz-fault-table.js';

/**
 * Both halves of every fuzz property, driven by the registry: it holds against the reference
 * executor for its whole default budget, and each fault listed for it in the fuzz fault table
 * makes it fail with a shrunk counterexample, its seed and path, and the replay command.
 */
describe('fuzz registry: every property holds against the reference and fails against its faults', () => {
  it('has a fault-table row for every property, and only for those', () => {
    expect(fuzzRegistry.filter((p) => !fuzzFaultTable[p.name]?.faults.length).map((p) => p.name)).toEqual([]);
    expect(Object.keys(fuzzFaultTable).filter((name) => !fuzzRegistry.some((p) => p.name === name))).toEqual([]);
  });

  it('refuses an unknown property name with a message naming the known ones', () => {
    expect(() => fuzzProperty('no-such-property')).toThrow(/no fuzz property named "no-such-property"; known: protocol-robustness, /);
  });

  for (const property of fuzzRegistry) {
    const row = fuzzFaultTable[property.name];
    const timeout = row?.timeoutMs ?? 120_000;
    const replay = (fault?: string) => `npx vitest run src/fuzz/fuzz-registry.test.ts -t "fuzz/${property.name} ${fault ? `fails against --fault ${fault}` : 'holds'}"`;

    it(`fuzz/${property.name} holds against the reference executor`, { timeout }, async () => {
      const attempt = await fuzzAgainstReference(property.name);
      expect(attempt.findings, `replay: ${replay()}`).toEqual([]);
      expect(attempt.reason).toMatch(new RegExp(`held for 0 regression\\(s\\) and ${property.runs} generated input`));
      expect(attempt.status).toBe('passed');
    });

    for (const { fault, finding, timeLimitMs } of row?.faults ?? []) {
      it(`fuzz/${property.name} fails against --fault ${fault}, with a shrunk counterexample, its seed and path, and the replay command`, { timeout }, async () => {
        const attempt = await fuzzAgainstReference(property.name, { faults: [fault], ...(timeLimitMs ? { timeLimitMs } : {}) });
        const context = `replay: ${replay(fault)}`;
        expect(attempt.status, context).toBe('failed');
        const [first] = attempt.findings;
        expect(first?.oracle, context).toBe(`fuzz/${property.name}`);
        expect(first?.message, context).toMatch(finding);
        expect(first?.message, context).toMatch(new RegExp(`gauntlet replay fuzz/${property.name} --seed \\d+ --path [\\d:]+`));
        // seed:path, and for command sequences @ fast-check's replay path.
        expect(attempt.seed, context).toMatch(/^\d+:[\d:]+(@\S+)?$/);
      });
    }
  }
});

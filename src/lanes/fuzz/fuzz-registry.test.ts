import { describe, expect, it } from 'vitest';
import { fuzzCaseName } from './fuzz-case.js';
import { fuzzProperty, fuzzRegistry } from './fuzz-registry.js';
import { fuzzAgainstReference } from './testing/fuzz-against-reference.js';
import { fuzzFaultTable } from './testing/fuzz-fault-table.js';

/** Generated inputs of a Python case here. */
const PYTHON_RUNS = 4;

/**
 * Both halves of every fuzz property, driven by the registry: in each of its languages it holds
 * against the reference executor for its whole default budget (Python: a few inputs), and each fault listed for it in
 * the fuzz fault table
 * makes it fail with a shrunk counterexample, its seed and path, and the replay command.
 */
describe('fuzz registry: every property holds against the reference and fails against its faults', () => {
  it('has a fault-table row for every property, and only for those', () => {
    expect(fuzzRegistry.filter((p) => !fuzzFaultTable[p.name]?.faults.length).map((p) => p.name)).toEqual([]);
    expect(Object.keys(fuzzFaultTable).filter((name) => !fuzzRegistry.some((p) => p.name === name))).toEqual([]);
  });

  it('refuses an unknown property name with a message naming the known ones', () => {
    expect(() => fuzzProperty('no-such-property')).toThrow(
      /no fuzz property named "no-such-property"; known: protocol-robustness, /,
    );
  });

  for (const property of fuzzRegistry) {
    const row = fuzzFaultTable[property.name];
    const timeout = row?.timeoutMs ?? 120_000;
    for (const language of property.languages ?? [undefined]) {
      const name = fuzzCaseName(property, language);
      const replay = (fault?: string) =>
        `npx vitest run src/lanes/fuzz/fuzz-registry.test.ts -t "fuzz/${name} ` +
        `${fault ? `fails against --fault ${fault}` : 'holds'}"`;
      // Python sandboxes start slowly: fewer inputs, so the budget still holds them all.
      const runs = language === 'python' ? Math.min(property.runs, PYTHON_RUNS) : property.runs;

      it(
        `fuzz/${name} holds against the reference executor`,
        { timeout: language === 'python' ? timeout * 2 : timeout },
        async () => {
          const attempt = await fuzzAgainstReference(property.name, {
            ...(language ? { language } : {}),
            runs,
            timeLimitMs: language === 'python' ? 150_000 : 60_000,
          });
          expect(attempt.findings, `replay: ${replay()}`).toEqual([]);
          expect(attempt.reason).toMatch(new RegExp(`held for 0 regression\\(s\\) and ${runs} generated input`));
          expect(attempt.status).toBe('passed');
        },
      );

      for (const { fault, finding, timeLimitMs } of (row?.faults ?? []).filter(
        (r) => (r.language ?? property.languages?.[0]) === language,
      )) {
        it(
          `fuzz/${name} fails against --fault ${fault}, ` +
            'with a shrunk counterexample, its seed and path, and the replay command',
          { timeout },
          async () => {
            const attempt = await fuzzAgainstReference(property.name, {
              ...(language ? { language } : {}),
              faults: [fault],
              ...(timeLimitMs ? { timeLimitMs } : {}),
            });
            const context = `replay: ${replay(fault)}`;
            expect(attempt.status, context).toBe('failed');
            const [first] = attempt.findings;
            expect(first?.oracle, context).toBe(`fuzz/${name}`);
            expect(first?.message, context).toMatch(finding);
            expect(first?.message, context).toMatch(
              new RegExp(`gauntlet replay fuzz/${name} --seed \\d+ --path [\\d:]+`),
            );
            // seed:path, and for command sequences @ fast-check's replay path.
            expect(attempt.seed, context).toMatch(/^\d+:[\d:]+(@\S+)?$/);
          },
        );
      }
    }
  }
});

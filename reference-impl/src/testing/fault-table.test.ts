import { describe, expect, it } from 'vitest';
import type { Language } from '../../../src/protocol/generated/types.js';
import { faultRegistry, type FaultName } from '../faults/fault-registry.js';
import { checkById } from './checks/all-checks.js';
import { startCheckEnvironment } from './checks/check-environment.js';
import { faultChecks } from './checks/fault-checks.js';
import { show } from './checks/security-check.js';

/** What one check concluded against one weakened executor, per language. */
type Outcome = { check: string; language: Language; red: boolean; why: string };

/**
 * Every fault in the registry turns at least one security check red: each check listed for it in
 * the fault table fails in at least one of its languages. Driven by the registry, so a new fault
 * without a row (or whose checks stay green) fails here. The other half, the reference without
 * faults passing every check, is `reference-passes-checks.test.ts`. A check that throws, or whose
 * payload or positive control did not hold (inconclusive), has not observed the weakness: it
 * never counts as red.
 */
describe('fault table: each --fault turns its checks red', () => {
  it('names only faults of the registry', () => {
    const table: Record<string, readonly string[]> = faultChecks;
    expect(Object.keys(table).filter((name) => !faultRegistry.some((f) => f.name === name))).toEqual([]);
  });

  for (const fault of faultRegistry.filter((f) => f.name in faultChecks)) {
    const ids: readonly string[] = (faultChecks as Partial<Record<FaultName, readonly string[]>>)[fault.name] ?? [];
    it(`--fault ${fault.name} turns red: ${ids.join(', ') || '(no check named)'}`, { timeout: 240_000 }, async () => {
      expect(
        ids.length,
        `fault ${fault.name} has no row in reference-impl/src/testing/checks/fault-checks.ts`,
      ).toBeGreaterThan(0);
      const environment = await startCheckEnvironment({
        faults: [fault.name],
        ...('backend' in fault ? { args: ['--backend', fault.backend] } : {}),
      });
      const outcomes: Outcome[] = [];
      try {
        for (const id of ids) {
          const check = checkById(id);
          for (const language of check.languages) {
            try {
              const verdict = await check.run(environment.context, language);
              outcomes.push({
                check: id,
                language,
                red: !verdict.ok && !verdict.inconclusive,
                why: verdict.ok ? 'passed' : verdict.why,
              });
            } catch (error) {
              outcomes.push({ check: id, language, red: false, why: `errored: ${show(error)}` });
            }
          }
        }
      } finally {
        await environment.close();
      }
      const replay = `npx vitest run reference-impl/src/testing/fault-table.test.ts -t "fault ${fault.name} "`;
      const green = ids.filter((id) => !outcomes.some((o) => o.check === id && o.red));
      expect(
        green,
        `under --fault ${fault.name} these checks stayed green: ${show(outcomes.filter((o) => green.includes(o.check)))}\nreplay: ${replay}`,
      ).toEqual([]);
    });
  }
});

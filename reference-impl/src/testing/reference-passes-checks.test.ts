import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allChecks } from './checks/all-checks.js';
import { startCheckEnvironment, type CheckEnvironment } from './checks/check-environment.js';

/**
 * The reference executor, started over stdio as a real process with real Deno sandboxes, passes
 * every security check in both JavaScript and Python. The fault table shows the same checks fail
 * against deliberately weakened executors, so none of them passes vacuously.
 */
describe('the reference executor passes every security check (stdio)', () => {
  let environment: CheckEnvironment;
  beforeAll(async () => {
    environment = await startCheckEnvironment();
  });
  afterAll(async () => {
    await environment?.close();
  });

  for (const check of allChecks) {
    for (const language of check.languages) {
      it(`${check.id} (${language}): ${check.title}`, { timeout: 90_000 }, async () => {
        const verdict = await check.run(environment.context, language);
        const replay = `npx vitest run reference-impl/src/testing/reference-passes-checks.test.ts -t "${check.id} \\(${language}\\)"`;
        expect(verdict, `replay: ${replay}`).toEqual({ ok: true });
      });
    }
  }

  // Last, after every check: stdout carried only valid protocol messages all along.
  it('kept its stdout a pure protocol channel (no protocol violations)', () => {
    expect(environment.context.executor.peer.violations).toEqual([]);
  });
});

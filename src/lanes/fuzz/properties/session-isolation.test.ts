import { describe, expect, it } from 'vitest';
import { fuzzAgainstReference } from '../testing/fuzz-against-reference.js';

/** Both halves of the property are in fuzz-registry.test.ts; this is what only it does: command sequences. */
describe('fuzz/session-isolation', () => {
  it('replays a committed command sequence first, as it is', async () => {
    const input = [
      { op: 'create', tenant: 'attacker', slot: 0 },
      { op: 'create', tenant: 'victim', slot: 1 },
      { op: 'set', actor: 'attacker', slot: 0, key: 'k0', value: 'v1', storage: 'global' },
      { op: 'get', actor: 'victim', slot: 1, key: 'k0', storage: 'global' },
    ];
    const attempt = await fuzzAgainstReference('session-isolation', {
      faults: ['shared-state'],
      runs: 1,
      known: [{ source: 'scenarios/regressions/example.json', input }],
    });
    expect(attempt.status).toBe('failed');
    expect(attempt.findings[0]?.message).toMatch(
      new RegExp(
        String.raw`victim read global k0 in session #1.*` +
          String.raw`regression scenarios/regressions/example\.json, after 1 regression\(s\) and 0 generated`,
      ),
    );
    expect(attempt.findings[0]?.observed).toBe('"v1"');
  }, 120_000);
});

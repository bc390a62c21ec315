import { describe, expect, it } from 'vitest';
import { fuzzAgainstReference } from '../testing/fuzz-against-reference.js';

describe('fuzz/session-isolation', () => {
  it('holds against the reference executor', async () => {
    const attempt = await fuzzAgainstReference('session-isolation');
    expect(attempt.findings).toEqual([]);
    expect(attempt.reason).toMatch(/held for 0 regression\(s\) and 20 generated input/);
    expect(attempt.status).toBe('passed');
  }, 120_000);

  it.each([
    ['shared-state', /read (global|file) k\d in session #\d and got what the model says is not there/],
    ['no-tenant-check', /used (attacker|victim)'s session .*differed from the one for a session that does not exist/],
  ])('fails against --fault %s, with a shrunk command sequence and its replay command', async (fault, pattern) => {
    const attempt = await fuzzAgainstReference('session-isolation', { faults: [fault] });
    expect(attempt.status).toBe('failed');
    expect(attempt.findings[0]?.message).toMatch(pattern);
    expect(attempt.findings[0]?.message).toMatch(/gauntlet replay fuzz\/session-isolation --seed \d+ --path [\d:]+/);
  }, 120_000);

  it('replays a committed command sequence first, as it is', async () => {
    const input = [
      { op: 'create', tenant: 'attacker', slot: 0 },
      { op: 'create', tenant: 'victim', slot: 1 },
      { op: 'set', actor: 'attacker', slot: 0, key: 'k0', value: 'v1', storage: 'global' },
      { op: 'get', actor: 'victim', slot: 1, key: 'k0', storage: 'global' },
    ];
    const attempt = await fuzzAgainstReference('session-isolation', { faults: ['shared-state'], runs: 1, known: [{ source: 'scenarios/regressions/example.json', input }] });
    expect(attempt.status).toBe('failed');
    expect(attempt.findings[0]?.message).toMatch(/victim read global k0 in session #1.*regression scenarios\/regressions\/example\.json, after 1 regression\(s\) and 0 generated/);
    expect(attempt.findings[0]?.observed).toBe('"v1"');
  }, 120_000);
});

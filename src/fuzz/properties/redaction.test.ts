import { describe, expect, it } from 'vitest';
import { fuzzAgainstReference } from '../testing/fuzz-against-reference.js';

describe('fuzz/redaction', () => {
  it('holds against the reference executor', async () => {
    const attempt = await fuzzAgainstReference('redaction');
    expect(attempt.findings).toEqual([]);
    expect(attempt.reason).toMatch(/held for 0 regression\(s\) and 40 generated input/);
    expect(attempt.status).toBe('passed');
  }, 120_000);

  it('fails against --fault no-redaction, with a shrunk counterexample, its seed and path, and the replay command', async () => {
    const attempt = await fuzzAgainstReference('redaction', { faults: ['no-redaction'] });
    expect(attempt.status).toBe('failed');
    const [finding] = attempt.findings;
    expect(finding?.oracle).toBe('fuzz/redaction');
    expect(finding?.message).toMatch(/came back unredacted/);
    expect(finding?.message).toMatch(/gauntlet replay fuzz\/redaction --seed \d+ --path [\d:]+/);
    expect(attempt.seed).toMatch(/^\d+:[\d:]+$/);
  }, 120_000);
});

import { describe, expect, it } from 'vitest';
import { fuzzAgainstReference } from '../testing/fuzz-against-reference.js';

describe('fuzz/limit-wall-time', () => {
  it('holds against the reference executor', async () => {
    const attempt = await fuzzAgainstReference('limit-wall-time');
    expect(attempt.findings).toEqual([]);
    expect(attempt.reason).toMatch(/held for 0 regression\(s\) and \d+ generated input/);
    expect(attempt.status).toBe('passed');
  }, 120_000);

  it('fails against --fault no-timeout, with the counterexample and its replay command', async () => {
    const attempt = await fuzzAgainstReference('limit-wall-time', { faults: ['no-timeout'] });
    expect(attempt.status).toBe('failed');
    expect(attempt.findings[0]?.message).toMatch(/ran on for|stopped only after/);
    expect(attempt.findings[0]?.message).toMatch(/gauntlet replay fuzz\/limit-wall-time --seed \d+ --path [\d:]+/);
  }, 120_000);
});

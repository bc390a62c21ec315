import { describe, expect, it } from 'vitest';
import { fuzzAgainstReference } from '../testing/fuzz-against-reference.js';

describe('fuzz/limit-output', () => {
  it('holds against the reference executor', async () => {
    const attempt = await fuzzAgainstReference('limit-output');
    expect(attempt.findings).toEqual([]);
    expect(attempt.reason).toMatch(/held for 0 regression\(s\) and \d+ generated input/);
    expect(attempt.status).toBe('passed');
  }, 120_000);

  it('fails against --fault no-output-cap, with the counterexample and its replay command', async () => {
    const attempt = await fuzzAgainstReference('limit-output', { faults: ['no-output-cap'] });
    expect(attempt.status).toBe('failed');
    expect(attempt.findings[0]?.message).toMatch(/the harness received/);
    expect(attempt.findings[0]?.message).toMatch(/gauntlet replay fuzz\/limit-output --seed \d+ --path [\d:]+/);
  }, 120_000);
});

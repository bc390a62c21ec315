import { describe, expect, it } from 'vitest';
import { fuzzAgainstReference } from '../testing/fuzz-against-reference.js';

describe('fuzz/input-validation', () => {
  it('holds against the reference executor', async () => {
    const attempt = await fuzzAgainstReference('input-validation');
    expect(attempt.findings).toEqual([]);
    expect(attempt.reason).toMatch(/held for 0 regression\(s\) and 30 generated input/);
    expect(attempt.status).toBe('passed');
  }, 180_000);

  it('fails against --fault no-maximum-check: code above the maximum ran, as its tool call shows', async () => {
    const attempt = await fuzzAgainstReference('input-validation', { faults: ['no-maximum-check'] });
    expect(attempt.status).toBe('failed');
    expect(attempt.findings[0]?.message).toMatch(/over the maximum of \d+ was not refused: the code ran|above-maximum\) was not refused/);
    expect(attempt.findings[0]?.message).toMatch(/gauntlet replay fuzz\/input-validation --seed \d+ --path [\d:]+/);
  }, 180_000);
});

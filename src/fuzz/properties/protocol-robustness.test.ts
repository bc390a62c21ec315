import { describe, expect, it } from 'vitest';
import { fuzzAgainstReference } from '../testing/fuzz-against-reference.js';

describe('fuzz/protocol-robustness', () => {
  it('holds against the reference executor', async () => {
    const attempt = await fuzzAgainstReference('protocol-robustness');
    expect(attempt.findings).toEqual([]);
    expect(attempt.reason).toMatch(/held for 0 regression\(s\) and \d+ generated input/);
    expect(attempt.status).toBe('passed');
  }, 180_000);

  it('fails against --fault fragile-parser: the executor dies on a malformed frame', async () => {
    const attempt = await fuzzAgainstReference('protocol-robustness', { faults: ['fragile-parser'], timeLimitMs: 30_000 });
    expect(attempt.status).toBe('failed');
    expect(attempt.findings[0]?.message).toMatch(/the executor died on .*(not-json|invalid-utf8)/);
    expect(attempt.findings[0]?.message).toMatch(/gauntlet replay fuzz\/protocol-robustness --seed \d+ --path [\d:]+/);
  }, 180_000);
});

import { describe, expect, it } from 'vitest';
import { findingsOf, isJudged, isPassing, isRated, isVulnerable, verdicts } from './case-verdict.js';
import type { Finding } from './generated/types.js';

describe('case verdict predicates', () => {
  it('say, per verdict, what the gate and every reporter count', () => {
    const table = Object.fromEntries(
      verdicts.map((v) => [v, [isJudged(v), isRated(v), isPassing(v), isVulnerable(v)]]),
    );
    expect(table).toEqual({
      failed: [true, true, false, true],
      errored: [false, true, false, false],
      flaky: [true, true, true, false],
      suppressed: [false, false, false, false],
      unsupported: [false, false, false, false],
      passed: [true, true, true, false],
    });
  });

  it('give the findings of failed and flaky cases only', () => {
    const finding = { oracle: 'no-canary-leak', message: 'leaked', at: 0, channel: 'stdout' } as unknown as Finding;
    expect(findingsOf({ status: 'failed', findings: [finding] })).toEqual([finding]);
    expect(findingsOf({ status: 'flaky', reason: 'passed on attempt 2', findings: [finding] })).toEqual([finding]);
    expect(findingsOf({ status: 'flaky', reason: 'passed on attempt 2' })).toEqual([]);
    expect(findingsOf({ status: 'errored', reason: 'no answer' })).toEqual([]);
    expect(findingsOf({ status: 'passed' })).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { fixtureReport } from '../testing/fixtures/reports/fixture-report.js';
import type { ProtocolViolations } from './generated/types.js';
import { mergeReports } from './merge-reports.js';
import { sumViolations } from './sum-violations.js';

const violations = (kind: 'batch' | 'parse-error', count: number): ProtocolViolations => ({
  total: count,
  byKind: { [kind]: count },
  first: Array.from({ length: Math.min(count, 20) }, (_, i) => ({
    kind,
    detail: `${kind} ${i}`,
    excerpt: '[]',
    at: i,
  })),
});

describe('sumViolations', () => {
  it('adds counts by kind and keeps the first 20 in order', () => {
    const sum = sumViolations([
      violations('batch', 3),
      undefined,
      violations('parse-error', 30),
      violations('batch', 1),
    ]);
    expect(sum?.total).toBe(34);
    expect(sum?.byKind).toEqual({ batch: 4, 'parse-error': 30 });
    expect(sum?.first).toHaveLength(20);
    expect(sum?.first.slice(0, 4).map((v) => v.detail)).toEqual(['batch 0', 'batch 1', 'batch 2', 'parse-error 0']);
  });

  it('is undefined when nothing was seen, so reports leave the member out', () => {
    expect(sumViolations([undefined, undefined])).toBeUndefined();
  });

  it('merge adds up the run-level violations of every shard', () => {
    const whole = fixtureReport({ cases: 4 });
    const shards = [1, 2].map((index) => {
      const report = fixtureReport({ cases: 4 });
      report.cases = whole.cases.slice((index - 1) * 2, index * 2);
      report.options.shard = { index, total: 2 };
      report.protocolViolations = violations('batch', index);
      return { file: `shard-${index}.json`, report };
    });
    expect(mergeReports(shards).protocolViolations).toMatchObject({ total: 3, byKind: { batch: 3 } });
  });
});

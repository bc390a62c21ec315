import type { Report } from '../report/generated/types.js';

/**
 * One summary line for the fuzz lane, when the run had one: its cases, how many passed, and the
 * time they took on the harness clock (the lane's cases run one at a time, so the sum is the
 * lane's duration), with each property's generated inputs as their attempts recorded them.
 */
export function fuzzLaneLine(report: Report): string | undefined {
  const cases = report.cases.filter((c) => c.case.lane === 'fuzz');
  if (cases.length === 0) return undefined;
  const seconds = cases.reduce((sum, c) => sum + c.durationMs, 0) / 1000;
  const passed = cases.filter((c) => c.outcome.status === 'passed').length;
  return `fuzz lane: ${cases.length} properties, ${passed} passed, in ${seconds.toFixed(1)} s`;
}

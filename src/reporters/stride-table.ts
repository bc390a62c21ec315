import type { Counts, Summary } from '../report/generated/types.js';

const CATEGORIES = [
  'spoofing',
  'tampering',
  'repudiation',
  'information-disclosure',
  'denial-of-service',
  'elevation-of-privilege',
] as const;
const COLUMNS: Array<keyof Counts> = ['total', 'passed', 'failed', 'errored', 'unsupported', 'flaky'];

/** The summary as a fixed-width table: one row per STRIDE category (and other lanes), then all. */
export function strideTable(summary: Summary): string {
  const rows: Array<[string, Counts]> = [];
  for (const category of CATEGORIES) {
    const counts = summary.byStride[category];
    if (counts) rows.push([category, counts]);
  }
  for (const [lane, counts] of Object.entries(summary.byLane)) {
    if (counts && lane !== 'parallel' && lane !== 'serial') rows.push([`${lane} lane`, counts]);
  }
  rows.push(['all', summary.all]);
  const width = Math.max(22, ...rows.map(([name]) => name.length));
  const header = `${'STRIDE category'.padEnd(width)} ${COLUMNS.map((c) => c.padStart(12)).join('')}`;
  const lines = rows.map(
    ([name, counts]) => `${name.padEnd(width)} ${COLUMNS.map((c) => String(counts[c]).padStart(12)).join('')}`,
  );
  return [header, '-'.repeat(header.length), ...lines.slice(0, -1), '-'.repeat(header.length), lines.at(-1)!].join(
    '\n',
  );
}

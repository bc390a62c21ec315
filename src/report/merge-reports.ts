import { HarnessError, HarnessErrorCode } from '../errors/harness-error.js';
import { summarize } from './summarize.js';
import type { HarnessErrorRecord, Report } from './generated/types.js';
import { sumViolations } from './sum-violations.js';

/**
 * Merges the reports of the shards of one run into the report of the whole run:
 * 1. refuses reports of different runs (target, seed, corpus) or with a case twice;
 * 2. concatenates cases (ordered by id, as a deterministic order) and harness errors;
 * 3. records missing shards as a harness error, so an incomplete merge can never pass;
 * 4. recomputes the summary and the time span. The caller decides the gate again.
 */
export function mergeReports(reports: ReadonlyArray<{ file: string; report: Report }>): Omit<Report, 'gate'> {
  if (!reports.length) throw new HarnessError(HarnessErrorCode.ConfigInvalid, 'no report to merge', 'merge');
  const first = reports[0]!.report;
  // 1. One run only.
  const seen = new Map<string, string>();
  for (const { file, report } of reports) {
    const differs =
      report.target.name !== first.target.name
        ? `target ${report.target.name} vs ${first.target.name}`
        : report.seed !== first.seed
          ? `seed ${report.seed} vs ${first.seed}`
          : report.corpus.digest !== first.corpus.digest
            ? 'corpus digest'
            : undefined;
    if (differs)
      throw new HarnessError(
        HarnessErrorCode.ReportInvalid,
        `not a shard of the same run as ${reports[0]!.file} (${differs})`,
        file,
      );
    for (const c of report.cases) {
      const other = seen.get(c.case.id);
      if (other)
        throw new HarnessError(
          HarnessErrorCode.ReportInvalid,
          `case ${c.case.id} is also in ${other}: shards must not overlap`,
          file,
        );
      seen.set(c.case.id, file);
    }
  }
  // 2. Cases and harness errors.
  const cases = reports
    .flatMap((r) => r.report.cases)
    .sort((a, b) => (a.case.id < b.case.id ? -1 : a.case.id > b.case.id ? 1 : 0));
  const harnessErrors: HarnessErrorRecord[] = reports.flatMap(({ file, report }) =>
    report.harnessErrors.map((e) => ({ ...e, path: e.path ?? file })),
  );
  // 3. Missing shards.
  const total = first.options.shard?.total;
  if (total !== undefined) {
    const have = new Set(reports.map((r) => r.report.options.shard?.index));
    const missing = Array.from({ length: total }, (_, i) => i + 1).filter((i) => !have.has(i));
    if (missing.length)
      harnessErrors.push({
        code: HarnessErrorCode.ReportInvalid,
        message:
          `shard${missing.length === 1 ? '' : 's'} ${missing.join(', ')} of ${total} missing from the merge: ` +
          'the run is incomplete',
        path: 'merge',
      });
  }
  // 4. Summary and time span.
  const startedAt = reports.map((r) => r.report.startedAt).sort()[0]!;
  const finishedAt = reports
    .map((r) => r.report.finishedAt)
    .sort()
    .at(-1)!;
  const { shard: _shard, ...options } = first.options;
  // The shards' seals do not cover the merge: the writer seals it afresh.
  const { integrity: _integrity, ...content } = first;
  return {
    ...content,
    runId: first.runId.replace(/-shard-\d+-of-\d+$/, ''),
    command: first.command.replace(/\s+--shard[ =]\S+/, ''),
    startedAt,
    finishedAt,
    durationMs: Math.max(0, Date.parse(finishedAt) - Date.parse(startedAt)),
    target: {
      ...first.target,
      starts: reports.reduce((s, r) => s + r.report.target.starts, 0),
      restarts: reports.reduce((s, r) => s + r.report.target.restarts, 0),
    },
    options,
    summary: summarize(cases),
    cases,
    harnessErrors,
    ...optional('protocolViolations', sumViolations(reports.map((r) => r.report.protocolViolations))),
  };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

import type { Report } from '../../report/generated/types.js';
import { safeText } from '../safe-text.js';

/** Allure's defect categories: vulnerabilities apart from harness trouble, unsupported and timeouts. */
export const allureCategories = [
  { name: 'Suppressed known problems', matchedStatuses: ['failed', 'broken'], messageRegex: '^suppressed .*' },
  { name: 'Sandbox violations (the executor is vulnerable)', matchedStatuses: ['failed'] },
  {
    name: 'Timeouts (no answer before the deadline)',
    matchedStatuses: ['broken'],
    messageRegex: '(?s).*(no answer|deadline|timed? ?out).*',
  },
  { name: 'Could not judge (harness or executor broke)', matchedStatuses: ['broken'] },
  { name: 'Unsupported by the executor', matchedStatuses: ['skipped'] },
];

/** environment.properties: what was tested with what, shown on the report's overview. */
export function environmentProperties(report: Report): string {
  const init = report.target.initialize;
  const pairs: Array<[string, string]> = [
    ['target', report.target.name],
    ['transport', report.target.transport],
    ['executor', init ? `${init.executorInfo.name} ${init.executorInfo.version}` : 'unknown (no initialize answer)'],
    ['protocol', report.harness.protocolVersion],
    ['harness', `${report.harness.name} ${report.harness.version}`],
    ['corpus.digest', report.corpus.digest],
    ['corpus.scenarios', String(report.corpus.scenarios)],
    ['run', report.runId],
    ['seed', report.seed],
    ['gate', report.gate.passed ? 'passed' : 'failed'],
    ...(report.options.shard
      ? [['shard', `${report.options.shard.index}/${report.options.shard.total}`] as [string, string]]
      : []),
  ];
  // .properties escaping: backslash, line breaks, and the separators in keys.
  const esc = (text: string) => safeText(text, 500).replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
  return `${pairs.map(([k, v]) => `${esc(k).replace(/[=: ]/g, '\\$&')}=${esc(v)}`).join('\n')}\n`;
}

/** executor.json: names the build so Allure's trend charts can order runs. */
export function executorInfo(report: Report): object {
  return {
    name: 'gauntlet',
    type: 'gauntlet',
    buildName: `${report.target.name} ${report.runId}`,
    reportName: `Gauntlet: ${report.target.name}`,
  };
}

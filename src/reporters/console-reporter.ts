import type { CaseResult } from '../report/generated/types.js';
import { caseDetails } from './case-details.js';
import { fuzzLaneLine } from './fuzz-lane-line.js';
import { escapeTerminal } from './escape-terminal.js';
import { painter } from './paint.js';
import type { ReporterPlugin } from './reporter.js';
import { statusStyle } from './status-style.js';
import { strideTable } from './stride-table.js';
import { profileLines } from './profile-lines.js';
import { unsupportedShare } from './unsupported-share.js';

/**
 * Live progress while the run goes (one rewritten line on a terminal, one line per case
 * otherwise), then every failed, errored and flaky case with its evidence and replay command,
 * the summary table per STRIDE category, each profile's verdict with its reasons, a warning when
 * more than 20% of the cases were unsupported, and the gate.
 */
export const consoleReporter: ReporterPlugin = {
  name: 'console',
  description: 'live progress, failures with evidence, a summary per STRIDE category',
  create: ({ print, interactive }) => {
    const paint = painter(interactive && !process.env['NO_COLOR']);
    let total = 0;
    let done = 0;
    const running = new Set<string>();
    const progress = (last?: CaseResult) => {
      if (!interactive) {
        if (!last) return;
        const style = statusStyle(last.outcome.status);
        const mark = paint(style.colour, `${style.mark} ${last.outcome.status.padEnd(11)}`);
        print(`${mark} ${escapeTerminal(last.case.id, 200)} ${paint('gray', `${last.durationMs} ms`)}\n`);
        return;
      }
      const current = [...running].at(-1);
      const runningNow = current ? paint('gray', `running ${escapeTerminal(current, 80)}`) : '';
      print(`\r\u001b[2K[${String(done).padStart(String(total).length)}/${total}] ${runningNow}`);
    };
    return {
      onRunStart(start) {
        total = start.cases.length;
        const executor = start.target.initialize?.executorInfo;
        const target = `${escapeTerminal(start.target.name, 100)} (${escapeTerminal(start.target.description, 200)})`;
        print(`${paint('bold', `Gauntlet ${start.harness.version}`)} against ${target}\n`);
        if (executor)
          print(
            `executor ${escapeTerminal(executor.name, 100)} ${escapeTerminal(executor.version, 50)}, ` +
              `isolation ${executor.isolation}\n`,
          );
        print(`${total} cases, ${start.options.workers} workers, seed ${start.seed}\n\n`);
      },
      onCaseStart(info) {
        running.add(info.id);
        progress();
      },
      onCaseEnd(result) {
        running.delete(result.case.id);
        done++;
        progress(result);
      },
      onRunEnd(report) {
        if (interactive) print('\r\u001b[2K');
        // An executor that never started errors every case for one reason: say it once, not once per case.
        const neverStarted = report.target.initialize === null && report.cases.every((c) => c.attempts.length === 0);
        const notable = neverStarted
          ? []
          : report.cases.filter(
              (c) => c.outcome.status === 'failed' || c.outcome.status === 'errored' || c.outcome.status === 'flaky',
            );
        if (notable.length) print(`\n${notable.map((c) => caseDetails(c, paint)).join('\n\n')}\n`);
        if (neverStarted && report.cases.length)
          print(
            `\n${paint('magenta', 'the executor could not be started')}: ` +
              `none of the ${report.cases.length} selected cases ran (each is errored, never passed)\n`,
          );
        for (const error of report.harnessErrors)
          print(
            `${paint('magenta', 'harness error')} ${escapeTerminal(error.code)}: ` +
              `${escapeTerminal(error.message, 2000)}\n`,
          );
        print(`\n${strideTable(report.summary)}\n\n`);
        const fuzz = fuzzLaneLine(report);
        if (fuzz) print(`${fuzz}\n`);
        const profiles = profileLines(report, paint);
        if (profiles) print(`${profiles}\n`);
        const { warning } = unsupportedShare(report);
        if (warning) print(`${paint('yellow', `warning: ${warning}`)}\n`);
        const gate = report.gate.passed
          ? paint('green', 'gate passed')
          : paint('red', `gate failed: ${report.gate.reasons.join('; ')}`);
        const restarts = `${report.target.restarts} executor restarts`;
        print(`${gate} in ${(report.durationMs / 1000).toFixed(1)} s (seed ${report.seed}, ${restarts})\n`);
      },
    };
  },
};

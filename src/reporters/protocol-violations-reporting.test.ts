import { describe, expect, it } from 'vitest';
import type { ProtocolViolations, Report } from '../report/generated/types.js';
import { reportValidator } from '../report/report-validator.js';
import { fixtureReport } from '../testing/fixtures/reports/fixture-report.js';
import { renderHtml } from './html/render-html.js';
import { renderJunit } from './junit-reporter.js';
import { renderSarif } from './sarif-reporter.js';

const caseViolations: ProtocolViolations = {
  total: 1652,
  byKind: { 'parse-error': 551, 'unknown-method': 550, 'invalid-params': 550, 'unread-replies': 1 },
  first: [
    { kind: 'parse-error', detail: 'not valid JSON', excerpt: 'junk line 0, not JSON', at: 1 },
    {
      kind: 'unread-replies',
      detail: 'the other side stopped reading: 1000 replies were owed to it',
      excerpt: '{"jsonrpc":"2.0","id":"flood-1651"}',
      at: 2,
    },
  ],
};
const runViolations: ProtocolViolations = {
  total: 1653,
  byKind: { ...caseViolations.byKind, 'before-initialize': 1 },
  first: [
    {
      kind: 'before-initialize',
      detail: 'the executor sent this before it answered initialize',
      excerpt: 'starting up',
      at: 0,
    },
    ...caseViolations.first,
  ],
};

function reportWithViolations(): Report {
  const report = fixtureReport({ cases: 3, statusOf: (i) => (['failed', 'errored', 'passed'] as const)[i]! });
  report.cases[0]!.attempts[0]!.protocolViolations = structuredClone(caseViolations);
  report.protocolViolations = structuredClone(runViolations);
  return report;
}

describe('protocol violations in the reports', () => {
  it('are valid report.json members, per attempt and per run', () => {
    expect(reportValidator().validate('Report', reportWithViolations()).ok).toBe(true);
    const wrong = reportWithViolations();
    (wrong.protocolViolations!.first[0] as { kind: string }).kind = 'made-up';
    expect(reportValidator().validate('Report', wrong).ok).toBe(false);
  });

  it('JUnit carries them as properties of the case and of each suite, and in the case output', () => {
    const xml = renderJunit(reportWithViolations());
    const summary =
      '1652 protocol violations: parse-error 551, unknown-method 550, invalid-params 550, unread-replies 1';
    expect(xml).toContain(`<property name="protocol-violations" value="${summary}"/>`);
    expect(xml).toContain('<property name="protocol-violations" value="1653 protocol violations:');
    expect(xml).toMatch(/<system-out>[\s\S]*\[unread-replies\] the other side stopped reading/);
  });

  it('SARIF warns per case and for the run, and puts the count on the result', () => {
    const sarif = renderSarif(reportWithViolations()) as {
      runs: Array<{
        invocations: Array<{ toolExecutionNotifications: Array<{ level: string; message: { text: string } }> }>;
        results: Array<{ properties: Record<string, unknown> }>;
      }>;
    };
    const [run] = sarif.runs;
    const warnings = run!.invocations[0]!.toolExecutionNotifications.filter((n) => n.level === 'warning').map(
      (n) => n.message.text,
    );
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/the executor broke the protocol: 1652 protocol violations/);
    expect(warnings[1], warnings[1]).toMatch(/^during the run .*1653 protocol violations[\s\S]*\[before-initialize\]/);
    expect(run!.results[0]!.properties['protocolViolations']).toMatch(/^1652 protocol violations/);
  });

  it('HTML has a run section and a block in the attempt, with each kept frame', () => {
    const html = renderHtml(reportWithViolations());
    expect(html).toMatch(
      /<section id="protocol-violations"><h2>Protocol violations<\/h2>[\s\S]*1653 protocol violations/,
    );
    expect(html).toMatch(/<p class="attempt-h">Attempt 1:[\s\S]*1652 protocol violations[\s\S]*junk line 0, not JSON/);
  });

  it('a report without violations shows none', () => {
    const report = fixtureReport({ cases: 2 });
    expect(renderHtml(report)).not.toContain('protocol-violations');
    expect(renderJunit(report)).not.toContain('protocol-violations');
  });
});

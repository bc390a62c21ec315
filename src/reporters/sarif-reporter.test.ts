import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InitializeResult } from '../protocol/generated/types.js';
import type { Report } from '../report/generated/types.js';
import Ajv04Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { gatedFixtureReport } from '../testing/fixtures/reports/gated-fixture.js';
import { fixtureReport } from '../testing/fixtures/reports/fixture-report.js';
import { hostileReport } from '../testing/fixtures/reports/hostile-report.js';
import { renderSarif } from './sarif-reporter.js';

const schemaFile = join(import.meta.dirname, '../testing/fixtures/sarif/sarif-schema-2.1.0.json');
// Both packages are CommonJS; their default exports arrive wrapped under NodeNext resolution.
const Ajv04 = Ajv04Module as unknown as typeof Ajv04Module.default;
const addFormats = addFormatsModule as unknown as (ajv: InstanceType<typeof Ajv04>) => void;
// The schema's language pattern is not valid under the u flag.
const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validateSarif = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));

interface Log {
  runs: Array<{
    tool: { driver: { rules: Array<{ id: string; properties: Record<string, unknown> }> } };
    automationDetails: { id: string };
    originalUriBaseIds?: Record<string, { uri: string }>;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test reads the log loosely
    results: Array<Record<string, any>>;
    invocations: Array<{ toolExecutionNotifications: unknown[]; executionSuccessful: boolean }>;
  }>;
}

const settings = {
  location: { uri: 'ci/gauntlet.config.json', startLine: 7 },
  rootUri: 'file:///home/runner/work/app/app/',
  category: 'gauntlet/acme',
};

/** The same executor, started from another place with other flags. */
function movedExecutor(report: Report, commandLine: string): Report {
  const initialize = {
    executorInfo: { name: 'Acme Sandbox', version: '2.0.0', isolation: 'process' },
  } as InitializeResult;
  return {
    ...report,
    command: `gauntlet run --target '${commandLine}'`,
    target: { ...report.target, name: commandLine, description: commandLine.slice(6), initialize },
  };
}

function check(log: object): Log {
  const ok = validateSarif(log);
  expect(ok ? [] : validateSarif.errors).toEqual([]);
  return log as Log;
}

describe('sarif reporter', () => {
  it('validates against the SARIF 2.1.0 schema, with one rule per scenario carrying security-severity', () => {
    const report = gatedFixtureReport();
    const log = check(renderSarif(report));
    const run = log.runs[0]!;
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual([...new Set(report.cases.map((c) => c.case.scenarioId))]);
    expect(run.tool.driver.rules[0]!.properties).toMatchObject({
      'security-severity': '9.8',
      tags: expect.arrayContaining(['security', 'elevation-of-privilege', 'T1611']),
    });
    expect(run.automationDetails.id).toBe('gauntlet/reference/run-reference-20261120');
    const failed = report.cases.filter((c) => c.outcome.status === 'failed');
    expect(run.results.filter((r) => r['properties'].status === 'failed')).toHaveLength(failed.length);
    const suppressed = run.results.filter((r) => r['suppressions']);
    expect(suppressed).toHaveLength(1);
    expect(suppressed[0]!['suppressions'][0]).toMatchObject({
      kind: 'external',
      status: 'accepted',
      justification: expect.stringContaining('known upstream issue'),
    });
    expect(run.results.every((r) => ['new', 'unchanged', 'updated'].includes(r['baselineState']))).toBe(true);
    const errored = report.cases.filter((c) => c.outcome.status === 'errored').length;
    expect(run.invocations[0]!.toolExecutionNotifications).toHaveLength(errored);
  });

  it('keeps fingerprints stable across runs with another seed, run id and evidence', () => {
    const a = renderSarif(fixtureReport()) as Log;
    const other = fixtureReport({ startedAt: '2026-12-01T08:00:00.000Z' });
    other.runId = 'another-run';
    other.seed = 'fedcba9876543210';
    const b = renderSarif(other) as Log;
    const prints = (log: Log) => log.runs[0]!.results.map((r) => r['partialFingerprints']);
    expect(prints(b)).toEqual(prints(a));
    expect(new Set(prints(a).map((p) => p['gauntletCase/v2'])).size).toBe(prints(a).length);
  });

  it('points every result at the user file relative to %SRCROOT%, and takes the category for the automation id', () => {
    const report = fixtureReport();
    const log = check(renderSarif(report, settings));
    const run = log.runs[0]!;
    expect(run.results.length).toBeGreaterThan(0);
    for (const r of run.results)
      expect(r['locations'][0].physicalLocation).toEqual({
        artifactLocation: { uri: 'ci/gauntlet.config.json', uriBaseId: '%SRCROOT%' },
        region: { startLine: 7 },
      });
    expect(JSON.stringify(run.results)).not.toContain('file://');
    expect(run.originalUriBaseIds?.['%SRCROOT%']?.uri).toBe('file:///home/runner/work/app/app/');
    expect(run.automationDetails.id).toBe(`gauntlet/acme/${report.runId}`);
  });

  it('keeps fingerprints when the executor moves or changes flags; tells targets, scenarios, languages apart', () => {
    const base = fixtureReport();
    const prints = (report: Report) =>
      (renderSarif(report, settings) as Log).runs[0]!.results.map((r) => r['partialFingerprints']);
    const here = prints(movedExecutor(base, 'stdio:node /opt/acme/bin/executor.js --stdio'));
    const there = prints(movedExecutor(base, 'stdio:/srv/acme-2/executor --stdio --verbose'));
    expect(there).toEqual(here);
    expect(new Set(here.map((p) => p['primaryLocationLineHash'])).size).toBe(here.length);
    // A different target name is a different alert.
    expect(prints(fixtureReport({ target: 'other-sandbox' }))).not.toEqual(prints(base));
    // Without its own name an executor given by command line is named by its transport, never by the command line.
    const anonymous = (commandLine: string) => prints({ ...base, target: { ...base.target, name: commandLine } });
    expect(anonymous('stdio:/a/executor')).toEqual(anonymous('stdio:/b/executor --flag'));
  });

  it('keeps at most ten tags per rule, the telling ones first', () => {
    const report = fixtureReport();
    report.cases[0]!.case.tags = Array.from({ length: 15 }, (_, i) => `tag-${i}`);
    const log = check(renderSarif(report));
    for (const rule of log.runs[0]!.tool.driver.rules)
      expect((rule.properties['tags'] as string[]).length).toBeLessThanOrEqual(10);
    expect(log.runs[0]!.tool.driver.rules[0]!.properties['tags']).toEqual(
      expect.arrayContaining(['security', 'elevation-of-privilege', 'external/cwe/cwe-265', 'T1611']),
    );
  });

  it("meets GitHub's documented upload rules, long titles and hostile text included", () => {
    const report = hostileReport();
    report.cases[0]!.case.title = `![x](http://127.0.0.1:9/) ${'T'.repeat(5000)}`;
    report.cases[0]!.case.remediation = '<img src=x onerror=alert(1)> [link](javascript:alert(1))';
    const log = check(renderSarif(report, settings));
    expect(log.runs.length).toBeLessThanOrEqual(20);
    const run = log.runs[0]!;
    expect(run.results.length).toBeLessThanOrEqual(25_000);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test reads the log loosely
    const rules = run.tool.driver.rules as unknown as Array<Record<string, any>>;
    const ruleIds = new Set(rules.map((r) => r['id']));
    for (const rule of rules) {
      expect(rule['shortDescription'].text.length).toBeGreaterThan(0);
      expect(rule['shortDescription'].text.length).toBeLessThanOrEqual(1024);
      expect(rule['fullDescription'].text.length).toBeLessThanOrEqual(1024);
      expect(rule['name'].length).toBeLessThanOrEqual(255);
      expect(rule['help'].text.length).toBeGreaterThan(0);
      expect(rule['help'].markdown).not.toMatch(/(?<!\\)(!\[|<img|\]\()/);
      const severity = Number(rule['properties']['security-severity']);
      expect(severity > 0 && severity <= 10).toBe(true);
      expect(rule['properties']['tags'].length).toBeLessThanOrEqual(10);
    }
    for (const r of run.results) {
      expect(ruleIds.has(r['ruleId'])).toBe(true);
      expect(r['message'].text.length).toBeGreaterThan(0);
      expect(r['locations']).toHaveLength(1);
      expect(r['locations'][0].physicalLocation.artifactLocation.uri).not.toBe('');
      expect(r['locations'][0].physicalLocation.region.startLine).toBeGreaterThanOrEqual(1);
      expect(r['partialFingerprints']['primaryLocationLineHash']).toMatch(/^[0-9a-f]{16}:1$/);
    }
  });

  it('bounds and neutralises hostile output and still validates', () => {
    const log = check(renderSarif(hostileReport()));
    const text = JSON.stringify(log);
    expect(text.length).toBeLessThan(200_000);
    expect(text).not.toContain('\\u001b');
    expect(text).not.toMatch(/\\ud[89ab][0-9a-f]{2}(?!\\ud[c-f])/i);
    expect(log.runs[0]!.invocations[0]!.executionSuccessful).toBe(false);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv04Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { gatedFixtureReport } from '../testing/fixtures/reports/gated-fixture.js';
import { fixtureReport } from '../testing/fixtures/reports/fixture-report.js';
import { hostileReport } from '../testing/fixtures/reports/hostile-report.js';
import { renderSarif } from './sarif-reporter.js';

const schemaFile = join(import.meta.dirname, '../../node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
// Both packages are CommonJS; their default exports arrive wrapped under NodeNext resolution.
const Ajv04 = Ajv04Module as unknown as typeof Ajv04Module.default;
const addFormats = addFormatsModule as unknown as (ajv: InstanceType<typeof Ajv04>) => void;
const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false }) // the schema's language pattern is not valid under the u flag;
addFormats(ajv);
const validateSarif = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));

interface Log {
  runs: Array<{ tool: { driver: { rules: Array<{ id: string; properties: Record<string, unknown> }> } }; automationDetails: { id: string }; // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test reads the log loosely
  results: Array<Record<string, any>>; invocations: Array<{ toolExecutionNotifications: unknown[]; executionSuccessful: boolean }> }>;
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
    expect(run.tool.driver.rules[0]!.properties).toMatchObject({ 'security-severity': '9.8', tags: expect.arrayContaining(['security', 'elevation-of-privilege', 'T1611']) });
    expect(run.automationDetails.id).toBe('gauntlet/reference/run-reference-20261120');
    const failed = report.cases.filter((c) => c.outcome.status === 'failed');
    expect(run.results.filter((r) => r['properties'].status === 'failed')).toHaveLength(failed.length);
    const suppressed = run.results.filter((r) => r['suppressions']);
    expect(suppressed).toHaveLength(1);
    expect(suppressed[0]!['suppressions'][0]).toMatchObject({ kind: 'external', status: 'accepted', justification: expect.stringContaining('known upstream issue') });
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
    expect(new Set(prints(a).map((p) => p['gauntletCase/v1'])).size).toBe(prints(a).length);
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

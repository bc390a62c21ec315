import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtureReport } from '../testing/fixtures/reports/fixture-report.js';
import { reportValidator } from '../report/report-validator.js';
import { baselineOf } from './compare-baseline.js';
import { evaluateGate } from './evaluate-gate.js';
import { withGateDefaults } from './gate-defaults.js';
import type { ExpectationsFile } from './generated/types.js';
import { loadBaseline, loadExpectations } from './load-gate-file.js';

const today = '2026-11-23';
const allPass = () => fixtureReport({ statusOf: () => 'passed' });
/** A run where only the case at `at` has `status`. */
const oneOff = (at: number, status: 'failed' | 'errored' | 'flaky' | 'unsupported') =>
  fixtureReport({ statusOf: (i) => (i === at ? status : 'passed') });
const rule = (gate: ReturnType<typeof evaluateGate>, name: string, scope?: string) =>
  gate.rules!.find((r) => r.rule === name && (scope === undefined || r.scope === scope));

describe('evaluateGate', () => {
  it('passes a clean run and lists every rule it checked, with values', () => {
    const gate = evaluateGate(allPass().cases, { config: withGateDefaults(), today });
    expect(gate.passed).toBe(true);
    expect(gate.reasons).toEqual([]);
    expect(rule(gate, 'min-pass-rate', 'severity:critical')).toMatchObject({
      passed: true,
      threshold: 100,
      actual: 100,
    });
    expect(rule(gate, 'min-executed')).toMatchObject({ passed: true, threshold: 1, actual: 24 });
  });

  it('min-pass-rate: one failed critical case fails the default gate (critical 100%) and names it', () => {
    const report = oneOff(0, 'failed');
    const gate = evaluateGate(report.cases, { config: withGateDefaults(), today });
    expect(gate.passed).toBe(false);
    expect(rule(gate, 'min-pass-rate', 'severity:critical')).toMatchObject({
      passed: false,
      threshold: 100,
      actual: 83.33,
      cases: [report.cases[0]!.case.id],
    });
    expect(gate.reasons.join('\n')).toContain(
      'severity:critical: pass rate 83.33% (5 of 6 judged cases) is below the minimum 100%',
    );
  });

  it('min-pass-rate: a lowered severity threshold lets its failures through while critical stays at 100%', () => {
    const lowCase = 10; // repudiation.audit.missing-execution-record, severity low
    const gate = evaluateGate(oneOff(lowCase, 'failed').cases, {
      config: withGateDefaults({ minPassRate: { bySeverity: { low: 50 } } }),
      today,
    });
    expect(rule(gate, 'min-pass-rate', 'severity:low')).toMatchObject({ passed: true, threshold: 50, actual: 50 });
    expect(rule(gate, 'min-pass-rate', 'severity:critical')).toMatchObject({ threshold: 100 });
    expect(gate.passed).toBe(true);
  });

  it('min-pass-rate: per STRIDE category and overall', () => {
    const report = oneOff(1, 'failed'); // elevation-of-privilege, high
    const gate = evaluateGate(report.cases, {
      config: withGateDefaults({
        minPassRate: { bySeverity: { high: 0 }, byStride: { 'elevation-of-privilege': 90 }, overall: 95 },
      }),
      today,
    });
    expect(rule(gate, 'min-pass-rate', 'stride:elevation-of-privilege')).toMatchObject({
      passed: false,
      threshold: 90,
      actual: 75,
    });
    expect(rule(gate, 'min-pass-rate', 'all')).toMatchObject({ passed: true, actual: 95.83 });
    expect(gate.passed).toBe(false);
  });

  it('min-pass-rate: an errored case counts against the rate, an unsupported one does not count', () => {
    const errored = evaluateGate(oneOff(0, 'errored').cases, { config: withGateDefaults({ maxErrored: 5 }), today });
    expect(rule(errored, 'min-pass-rate', 'severity:critical')).toMatchObject({ passed: false, actual: 83.33 });
    const unsupported = evaluateGate(oneOff(0, 'unsupported').cases, { config: withGateDefaults(), today });
    expect(rule(unsupported, 'min-pass-rate', 'severity:critical')).toMatchObject({ passed: true, actual: 100 });
    expect(unsupported.passed).toBe(true);
  });

  it('min-executed: an all-unsupported run fails, and the minimum is configurable', () => {
    const none = evaluateGate(fixtureReport({ statusOf: () => 'unsupported' }).cases, {
      config: withGateDefaults(),
      today,
    });
    expect(none.passed).toBe(false);
    expect(rule(none, 'min-executed')).toMatchObject({ passed: false, threshold: 1, actual: 0 });
    const few = evaluateGate(allPass().cases, { config: withGateDefaults({ minExecuted: 25 }), today });
    expect(rule(few, 'min-executed')).toMatchObject({ passed: false, threshold: 25, actual: 24 });
  });

  it('max-errored: errored cases beyond the budget fail the gate', () => {
    const report = oneOff(3, 'errored');
    const strict = evaluateGate(report.cases, {
      config: withGateDefaults({ minPassRate: { bySeverity: { high: 0 } } }),
      today,
    });
    expect(rule(strict, 'max-errored')).toMatchObject({
      passed: false,
      threshold: 0,
      actual: 1,
      cases: [report.cases[3]!.case.id],
    });
    const budget = evaluateGate(report.cases, {
      config: withGateDefaults({ maxErrored: 1, minPassRate: { bySeverity: { high: 0 } } }),
      today,
    });
    expect(budget.passed).toBe(true);
  });

  it('no-flaky: only when asked', () => {
    const report = oneOff(2, 'flaky');
    expect(evaluateGate(report.cases, { config: withGateDefaults(), today }).passed).toBe(true);
    const gate = evaluateGate(report.cases, { config: withGateDefaults({ failOnFlaky: true }), today });
    expect(rule(gate, 'no-flaky')).toMatchObject({ passed: false, actual: 1, cases: [report.cases[2]!.case.id] });
  });

  it('no-regressions: with a baseline only new failures fail the gate', () => {
    const before = oneOff(0, 'failed');
    const baseline = { file: 'baseline.json', data: baselineOf(before, '2026-11-01T00:00:00.000Z') };
    const same = evaluateGate(oneOff(0, 'failed').cases, { config: withGateDefaults(), baseline, today });
    expect(same.passed).toBe(true);
    expect(rule(same, 'min-pass-rate')).toBeUndefined();
    const worse = fixtureReport({ statusOf: (i) => (i === 0 || i === 5 ? 'failed' : i === 7 ? 'errored' : 'passed') });
    const gate = evaluateGate(worse.cases, { config: withGateDefaults(), baseline, today });
    expect(rule(gate, 'no-regressions')).toMatchObject({
      passed: false,
      actual: 2,
      cases: [worse.cases[5]!.case.id, worse.cases[7]!.case.id].sort(),
    });
    const fixed = evaluateGate(allPass().cases, { config: withGateDefaults(), baseline, today });
    expect(fixed.passed).toBe(true);
    expect(fixed.baseline!.changes).toEqual([
      { caseId: before.cases[0]!.case.id, before: 'failed', after: 'passed', kind: 'fixed' },
    ]);
  });

  describe('expectations', () => {
    const report = oneOff(0, 'failed');
    const entry = {
      scenario: report.cases[0]!.case.scenarioId!,
      expected: 'failed' as const,
      justification: 'upstream sandbox bug, fix scheduled',
      owner: 'sec-team',
    };
    const file = (expires: string): ExpectationsFile => ({
      executor: 'reference',
      expectations: [{ ...entry, expires }],
    });

    it('an unexpired entry suppresses the matching case: visible, but out of the pass rates', () => {
      const gate = evaluateGate(report.cases, { config: withGateDefaults(), expectations: file('2026-12-31'), today });
      expect(gate.passed).toBe(true);
      expect(gate.suppressed).toEqual([report.cases[0]!.case.id]);
      expect(gate.expectations![0]).toMatchObject({ effect: 'suppressed', cases: [report.cases[0]!.case.id] });
    });

    it('an entry that expired yesterday fails the gate and suppresses nothing; one expiring today still holds', () => {
      const gate = evaluateGate(report.cases, { config: withGateDefaults(), expectations: file('2026-11-22'), today });
      expect(gate.passed).toBe(false);
      expect(rule(gate, 'expectation-expired')).toMatchObject({
        passed: false,
        threshold: '2026-11-22',
        actual: today,
        scope: entry.scenario,
      });
      expect(gate.suppressed).toEqual([]);
      expect(evaluateGate(report.cases, { config: withGateDefaults(), expectations: file(today), today }).passed).toBe(
        true,
      );
    });

    it('an entry whose status does not match suppresses nothing', () => {
      const gate = evaluateGate(allPass().cases, {
        config: withGateDefaults(),
        expectations: file('2026-12-31'),
        today,
      });
      expect(gate.expectations![0]!.effect).toBe('not-matched');
      expect(gate.suppressed).toEqual([]);
    });

    it('the gate result validates against the report schema', () => {
      const r = oneOff(0, 'failed');
      r.gate = evaluateGate(r.cases, {
        config: withGateDefaults(),
        expectations: file('2026-11-22'),
        baseline: { file: 'b.json', data: baselineOf(r, '2026-11-01T00:00:00.000Z') },
        today,
      });
      const check = reportValidator().validate('Report', r);
      expect(check.ok ? [] : check.issues).toEqual([]);
    });
  });
});

describe('gate files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gauntlet-gate-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loads YAML expectations and names the file and pointer of a bad entry', async () => {
    const good = join(dir, 'reference.yaml');
    writeFileSync(
      good,
      'executor: reference\nexpectations:\n  - scenario: tampering.fs.write-outside-workdir\n    ' +
        'expected: failed\n    justification: known upstream issue 42\n    owner: alice\n    ' +
        'expires: 2026-12-01\n',
    );
    expect((await loadExpectations(good, 'reference')).expectations).toHaveLength(1);
    await expect(loadExpectations(good, 'other')).rejects.toThrow(
      `${good}#/executor: the expectations are for executor "reference", but the run's target is "other"`,
    );
    const bad = join(dir, 'bad.yaml');
    writeFileSync(
      bad,
      'executor: reference\nexpectations:\n  - scenario: x\n    expected: passed\n    owner: bob\n    expires: soon\n',
    );
    const error = await loadExpectations(bad, 'reference').catch((e: Error) => e);
    expect(String(error)).toContain(bad);
    expect(String(error)).toContain('/expectations/0');
    expect(String(error)).toMatch(/justification/);
    expect(String(error)).toMatch(/expires|format/);
  });

  it('loads a baseline written from a report, and rejects one that is not JSON', async () => {
    const file = join(dir, 'baseline.json');
    writeFileSync(file, JSON.stringify(baselineOf(fixtureReport(), '2026-11-01T00:00:00.000Z')));
    expect(Object.keys((await loadBaseline(file)).cases)).toHaveLength(24);
    writeFileSync(file, '{ nope');
    await expect(loadBaseline(file)).rejects.toThrow(/not valid JSON/);
  });
});

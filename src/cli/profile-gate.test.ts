import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Report } from '../report/generated/types.js';
import { reportValidator } from '../report/report-validator.js';
import { runCli } from '../testing/run-cli.js';

const ROOT = join(import.meta.dirname, '../..');
const pythonOnly = `stdio:node ${join(ROOT, 'dist/src/testing/fixtures/python-only-executor-main.js')}`;
const out = mkdtempSync(join(tmpdir(), 'gauntlet-profile-gate-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function readReport(dir: string): Report {
  const report: unknown = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
  const checked = reportValidator().validate('Report', report);
  if (!checked.ok) throw new Error(`report.json is invalid: ${JSON.stringify(checked.issues.slice(0, 5))}`);
  return checked.value;
}

describe('gauntlet run gates on conformance profiles', () => {
  it(
    'fails core by default for an executor that declares Python only and no limit, with ' +
      '"requires hard" for each limit',
    async () => {
      const dir = join(out, 'default');
      const run = await runCli(['run', '--target', pythonOnly, '--no-fuzz', '--reporter', 'console', '-o', dir], {
        deadlineMs: 240_000,
      });
      expect(run.code, run.stderr).toBe(1);
      for (const limit of ['wallTime', 'memory', 'output'])
        expect(run.stdout).toContain(`declares ${limit}: none; profile core requires hard`);
      const report = readReport(dir);
      expect(report.options.profiles).toEqual(['core']);
      const core = report.profiles?.find((p) => p.id === 'core');
      expect(core?.status).toBe('failed');
      expect(core?.languages).toEqual(['python']);
      expect(core?.requirements.filter((r) => !r.passed).map((r) => r.id)).toEqual([
        'limits.wallTime',
        'limits.memory',
        'limits.output',
        'network',
        'filesystem',
        'outputModes',
        'subprocesses.canDeny',
      ]);
      // Each missing capability is a failed, critical, judged case, never an unsupported one.
      const memory = report.cases.find((c) => c.case.id === 'profile/core/limits.memory');
      expect(memory?.case.severity).toBe('critical');
      expect(memory?.outcome).toMatchObject({
        status: 'failed',
        findings: [{ oracle: 'profile', message: 'declares memory: none; profile core requires hard' }],
      });
      expect(report.gate.passed).toBe(false);
      expect(report.gate.rules?.find((r) => r.rule === 'profile')?.passed).toBe(false);
      // Nothing of core is judged on an executor that runs none of it: no scenario case can pass here.
      expect(
        report.cases
          .filter((c) => c.case.kind === 'scenario')
          .every((c) => c.case.language === 'python' || c.outcome.status === 'unsupported'),
      ).toBe(true);
      expect(report.cases.some((c) => c.case.kind === 'scenario' && c.outcome.status === 'passed')).toBe(false);
    },
    250_000,
  );

  it(
    'still fails core when the selection leaves the requirement cases out: the verdict checks ' +
      'the initialize answer',
    async () => {
      const dir = join(out, 'narrow');
      const run = await runCli([
        'run',
        '--target',
        pythonOnly,
        '--no-fuzz',
        '--grep',
        'information-disclosure\\.env',
        '--reporter',
        'console',
        '-o',
        dir,
      ]);
      expect(run.code, run.stderr).toBe(1);
      expect(run.stdout).toContain('declares memory: none; profile core requires hard');
      const report = readReport(dir);
      expect(report.cases.some((c) => c.case.kind === 'profile')).toBe(false);
      expect(report.profiles?.[0]).toMatchObject({ id: 'core', status: 'failed' });
    },
  );

  it(
    'fails node:vm on information disclosure alone: its judged cases pass, but it does not ' + 'conform to core',
    async () => {
      const dir = join(out, 'node-vm');
      const run = await runCli([
        'run',
        '--target',
        'adapter:node-vm',
        '--stride',
        'information-disclosure',
        '--no-fuzz',
        '--reporter',
        'console',
        '-o',
        dir,
      ]);
      expect(run.code, run.stderr).toBe(1);
      expect(run.stdout).toContain('profile core failed');
      expect(run.stdout).toContain('declares memory: none; profile core requires hard');
      const report = readReport(dir);
      expect(report.profiles?.[0]).toMatchObject({ id: 'core', status: 'failed', languages: ['javascript'] });
      expect(report.gate.reasons[0]).toMatch(/^profile: profile core failed: /);
    },
  );

  it('keeps the old behaviour with --profile none, and warns how many cases were unsupported', async () => {
    const dir = join(out, 'none');
    const run = await runCli([
      'run',
      '--target',
      pythonOnly,
      '--profile',
      'none',
      '--no-fuzz',
      '--grep',
      'information-disclosure\\.env\\.host-env',
      '-o',
      dir,
    ]);
    const report = readReport(dir);
    expect(report.profiles).toBeUndefined();
    expect(report.cases.some((c) => c.case.kind === 'profile')).toBe(false);
    const unsupported = report.summary.all.unsupported;
    expect(unsupported).toBeGreaterThan(0);
    expect(run.stderr).toContain(
      `warning: no conformance profile judged (--profile none): ${unsupported} of ` +
        `${report.summary.all.total} cases were unsupported`,
    );
  });

  it('refuses an unknown profile before running anything', async () => {
    const run = await runCli(['run', '--target', pythonOnly, '--profile', 'core,nonsense', '-o', join(out, 'unknown')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no profile named "nonsense"; known: .*core/);
  });
});

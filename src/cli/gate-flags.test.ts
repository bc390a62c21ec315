import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../report/generated/types.js';
import { fixtureReport } from '../testing/fixtures/reports/fixture-report.js';
import { runCli } from '../testing/run-cli.js';

/** The gate flags end to end, through `gauntlet merge` of one fixture report (no executor needed). */
describe('gate flags and files through the CLI', () => {
  let dir: string;
  let input: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gauntlet-gate-cli-'));
    input = join(dir, 'input.json');
    // One failed low-severity case, everything else passed.
    await writeFile(input, JSON.stringify(fixtureReport({ statusOf: (i) => (i === 10 ? 'failed' : 'passed') })));
  }, 240_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  }, 240_000);
  const merge = (...flags: string[]) => runCli(['merge', input, '--output', join(dir, 'out'), ...flags]);
  const gate = async () => (JSON.parse(await readFile(join(dir, 'out/report.json'), 'utf8')) as Report).gate;

  it('fails with exit 1 by default (every severity 100%) and names the rule and values', async () => {
    const run = await merge();
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'min-pass-rate: severity:low: pass rate 50% (1 of 2 judged cases) is below the minimum 100%',
    );
  }, 240_000);

  it('--min-pass-rate low=50 lets it pass; a bad scope exits 2', async () => {
    expect((await merge('--min-pass-rate', 'low=50')).code).toBe(0);
    const bad = await merge('--min-pass-rate', 'lowish=50');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown scope "lowish"');
  }, 240_000);

  it('--min-executed above the judged count fails', async () => {
    expect((await merge('--min-pass-rate', 'low=0', '--min-executed', '100')).code).toBe(1);
    expect((await gate()).rules!.find((r) => r.rule === 'min-executed')).toMatchObject({
      passed: false,
      threshold: 100,
      actual: 24,
    });
  }, 240_000);

  it('--update-baseline accepts the current state; --baseline then fails only on regressions', async () => {
    const baseline = join(dir, 'baselines/reference.json');
    expect((await merge('--baseline', baseline, '--update-baseline')).code).toBe(0);
    expect((await merge('--baseline', baseline)).code).toBe(0);
    const worse = join(dir, 'worse.json');
    await writeFile(
      worse,
      JSON.stringify(fixtureReport({ statusOf: (i) => (i === 10 || i === 0 ? 'failed' : 'passed') })),
    );
    const run = await runCli(['merge', worse, '--output', join(dir, 'out'), '--baseline', baseline]);
    expect(run.code).toBe(1);
    expect((await gate()).rules!.find((r) => r.rule === 'no-regressions')).toMatchObject({
      actual: 1,
      cases: ['elevation-of-privilege.js.function-constructor-escape@javascript'],
    });
  }, 240_000);

  it('--expectations suppresses the known failure until it expires', async () => {
    const file = join(dir, 'expectations.yaml');
    const write = (expires: string) =>
      writeFile(
        file,
        `executor: reference\nexpectations:\n  - scenario: ` +
          `repudiation.audit.missing-execution-record\n    expected: failed\n    justification: ` +
          `audit backend not wired yet, tracked upstream\n    owner: platform-team\n    expires: ` +
          `${expires}\n`,
      );
    await write('2999-12-31');
    expect((await merge('--expectations', file)).code).toBe(0);
    expect((await gate()).suppressed).toEqual(['repudiation.audit.missing-execution-record@javascript']);
    await write('2020-01-01');
    const expired = await merge('--expectations', file);
    expect(expired.code).toBe(1);
    expect(expired.stdout).toContain(
      'expectation-expired: the expectation for repudiation.audit.missing-execution-record ' +
        '(owner platform-team) expired on 2020-01-01',
    );
  }, 240_000);
});

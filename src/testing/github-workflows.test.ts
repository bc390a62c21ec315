import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '../..');
const load = (file: string) => parse(readFileSync(join(root, file), 'utf8'));
const uses = (steps: Array<{ uses?: string; run?: string }>) => steps.map((s) => s.uses ?? s.run ?? '');

/** The workflows are not run here; this checks they parse and wire the commands they promise. */
describe('GitHub workflows and action', () => {
  it('ci.yml lints, typechecks and tests', () => {
    const steps = uses(load('.github/workflows/ci.yml').jobs.test.steps).join('\n');
    for (const command of [
      'npm ci',
      'npm run lint',
      'npm run typecheck',
      'npx vitest run',
      'npm run check:generated',
      'chromium',
    ])
      expect(steps).toContain(command);
  });

  it('conformance.yml shards over a matrix with one seed, merges, uploads SARIF and reports, and gates', () => {
    const wf = load('.github/workflows/conformance.yml');
    expect(wf.jobs.shard.strategy.matrix.shard).toEqual([1, 2, 3, 4]);
    const shard = uses(wf.jobs.shard.steps).join('\n');
    expect(shard).toContain('--shard ${{ matrix.shard }}/4');
    expect(shard).toContain('--seed "${{ needs.seed.outputs.seed }}"');
    expect(shard).toContain('--profile "$PROFILES"');
    expect(wf.on.workflow_dispatch.inputs.profiles.default).toBe(
      'core,sessions,tools,audit,redaction,multi-tenant,network-allowlist',
    );
    expect(wf.env.PROFILES).toContain('inputs.profiles');
    const merge = uses(wf.jobs.merge.steps).join('\n');
    expect(merge).toContain('merge shards/*/report.json');
    expect(merge).toContain('github/codeql-action/upload-sarif@v3');
    expect(merge).toContain('actions/upload-artifact@v4');
    expect(merge).toContain('exit ${{ steps.merge.outputs.code }}');
  });

  it('action.yml (workflow) runs the Action in a two-target matrix and merges both reports into one scorecard', () => {
    const wf = load('.github/workflows/action.yml');
    const targets = wf.jobs.gate.strategy.matrix.include.map((m: { target: string }) => m.target);
    expect(new Set(targets).size).toBe(2);
    const step = wf.jobs.gate.steps.find((s: { uses?: string }) => s.uses === './');
    expect(step.with).toMatchObject({ target: '${{ matrix.target }}', category: 'action/${{ matrix.name }}' });
    expect(step.with['artifact-name']).toBeUndefined();
    expect(wf.jobs.merge.needs).toBe('gate');
    const merge = uses(wf.jobs.merge.steps).join('\n');
    expect(merge).toContain('actions/download-artifact@v4');
    expect(
      wf.jobs.merge.steps.find((s: { uses?: string }) => s.uses === 'actions/download-artifact@v4').with.pattern,
    ).toBe('gauntlet-gate-*');
    expect(merge).toContain('compare reports/*/report.json');
  });

  it('action.yml is a composite action that runs, summarises, uploads under a per-job name and gates', () => {
    const action = load('action.yml');
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual(
      expect.arrayContaining([
        'target',
        'profiles',
        'min-pass-rate',
        'min-executed',
        'max-errored',
        'fail-on-flaky',
        'baseline',
        'expectations',
        'category',
        'artifact-name',
        'args',
      ]),
    );
    const steps = uses(action.runs.steps).join('\n');
    expect(steps).toContain('dist/src/cli/main.js" run');
    expect(steps).toContain('cat "$OUTPUT/summary.md" >> "$GITHUB_STEP_SUMMARY"');
    expect(steps).toContain('flags+=(--profile "$item")');
    expect(steps).toContain('github/codeql-action/upload-sarif@v3');
    expect(steps).toContain('exit ${{ steps.run.outputs.code }}');
    const upload = action.runs.steps.find((s: { uses?: string }) => s.uses?.startsWith('actions/upload-artifact'));
    expect(upload.with.name).toBe('${{ steps.run.outputs.artifact }}');
  });

  it("action.yml's run step passes each input as its own argument to the real CLI", async () => {
    const step = load('action.yml').runs.steps.find((s: { id?: string }) => s.id === 'run');
    const dir = await mkdtemp(join(tmpdir(), 'gauntlet-action-'));
    try {
      const env = {
        PATH: process.env['PATH'] ?? '',
        HOME: process.env['HOME'] ?? '/tmp',
        NO_COLOR: '1',
        GITHUB_ACTION_PATH: root,
        GITHUB_OUTPUT: join(dir, 'github-output'),
        TARGET: 'reference',
        OUTPUT: join(dir, 'out'),
        CATEGORY: 'gauntlet/action-test',
        FAIL_ON_FLAKY: 'true',
        MIN_PASS_RATE: 'critical=100, high=90\n information-disclosure=75',
        MIN_EXECUTED: '1000',
        MAX_ERRORED: '3',
        ARGS: '--grep ^information-disclosure\\.env\\.host-env@javascript$',
        JOB_ID: 'conformance',
        JOB_INDEX: '1',
      };
      const run = spawnSync('bash', ['-c', step.run], { env, encoding: 'utf8', timeout: 170_000 });
      const outputs = readFileSync(join(dir, 'github-output'), 'utf8');
      expect(outputs).toContain('code=1');
      expect(outputs).toMatch(/^artifact=gauntlet-conformance-1-reference-\d+$/m);
      const report = JSON.parse(readFileSync(join(dir, 'out/report.json'), 'utf8'));
      expect(report.cases.map((c: { case: { id: string } }) => c.case.id)).toEqual([
        'information-disclosure.env.host-env@javascript',
      ]);
      const rules = report.gate.rules.map(
        (r: { rule: string; scope: string; threshold: number }) => `${r.rule} ${r.scope} ${r.threshold}`,
      );
      // (No critical case ran, so critical=100 has no rule to show; it parsed, or the run would have exited 2.)
      expect(rules).toEqual(
        expect.arrayContaining([
          'min-pass-rate severity:high 90',
          'min-pass-rate stride:information-disclosure 75',
          'min-executed all 1000',
          'max-errored all 3',
          'no-flaky all 0',
        ]),
      );
      expect(run.stdout).toMatch(/^::error file=gauntlet.config.json,line=1,title=Gauntlet gate failed::min-executed/m);
      expect(readFileSync(join(dir, 'out/summary.md'), 'utf8')).toMatch(/^## Gauntlet: gate FAILED against reference/);
      expect(JSON.parse(readFileSync(join(dir, 'out/results.sarif'), 'utf8')).runs[0].automationDetails.id).toMatch(
        /^gauntlet\/action-test\//,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 180_000);
});

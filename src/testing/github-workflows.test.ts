import { readFileSync } from 'node:fs';
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
    for (const command of ['npm ci', 'npm run lint', 'npm run typecheck', 'npx vitest run', 'npm run check:generated', 'chromium']) expect(steps).toContain(command);
  });

  it('conformance.yml shards over a matrix with one seed, merges, uploads SARIF and reports, and gates', () => {
    const wf = load('.github/workflows/conformance.yml');
    expect(wf.jobs.shard.strategy.matrix.shard).toEqual([1, 2, 3, 4]);
    const shard = uses(wf.jobs.shard.steps).join('\n');
    expect(shard).toContain('--shard ${{ matrix.shard }}/4');
    expect(shard).toContain('--seed "${{ needs.seed.outputs.seed }}"');
    expect(shard).toContain('--profile "$PROFILES"');
    expect(wf.on.workflow_dispatch.inputs.profiles.default).toBe('core,sessions,tools,audit,redaction,multi-tenant,network-allowlist');
    expect(wf.env.PROFILES).toContain('inputs.profiles');
    const merge = uses(wf.jobs.merge.steps).join('\n');
    expect(merge).toContain('merge shards/*/report.json');
    expect(merge).toContain('github/codeql-action/upload-sarif@v3');
    expect(merge).toContain('actions/upload-artifact@v4');
    expect(merge).toContain('exit ${{ steps.merge.outputs.code }}');
  });

  it('action.yml is a composite action that runs, uploads and gates', () => {
    const action = load('action.yml');
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(['target', 'profiles', 'baseline', 'expectations', 'args']));
    const steps = uses(action.runs.steps).join('\n');
    expect(steps).toContain('dist/src/cli/main.js" run');
    expect(steps).toContain('flags+=(--profile "$PROFILES")');
    expect(steps).toContain('github/codeql-action/upload-sarif@v3');
    expect(steps).toContain('exit ${{ steps.run.outputs.code }}');
  });
});

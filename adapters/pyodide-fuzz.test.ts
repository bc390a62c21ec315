import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../src/report/generated/types.js';
import { runCli } from '../src/testing/run-cli.js';

const CASES = ['fuzz/limit-memory@python', 'fuzz/limit-wall-time@python'];
const SELECTION = ['--profile', 'none', '--grep', '^fuzz/limit-(memory|wall-time)@python$', '--fuzz-runs', '3'];

/**
 * Plain Pyodide declares no wall-time and no memory limit. A limit declared `none` is disclosed,
 * not claimed (protocol §4.3), so the Python limit properties do not apply to it, exactly as the
 * scenario lane leaves such cases (§4.4); the reference, which claims both, is measured and passes.
 * `adapter:pyodide:claim-limits` is the integration that claims both limits hard without enforcing
 * either: the same properties are then judged, and fail.
 */
describe('the Python fuzz lane against plain Pyodide, Pyodide claiming limits, and the reference', () => {
  let out: string;
  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'gauntlet-pyodide-fuzz-'));
  });
  afterAll(async () => {
    await rm(out, { recursive: true, force: true });
  });

  async function run(target: string): Promise<{ code: number | null; report: Report; stdout: string }> {
    const dir = join(out, target.replace(/\W/g, '-'));
    const result = await runCli(['run', '--target', target, ...SELECTION, '--output', dir], { deadlineMs: 280_000 });
    return {
      code: result.code,
      report: JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')) as Report,
      stdout: result.stdout,
    };
  }

  const plain =
    'adapter:pyodide: the memory and wall-time properties are unsupported (naming the limits declared none)';
  it(
    plain,
    async () => {
      const { report, stdout } = await run('adapter:pyodide');
      const byId = Object.fromEntries(report.cases.map((c) => [c.case.id, c.outcome]));
      expect(Object.keys(byId).sort()).toEqual(CASES);
      expect(byId['fuzz/limit-memory@python'], stdout).toMatchObject({
        status: 'unsupported',
        reason: expect.stringContaining('limits.memory: none'),
      });
      expect(byId['fuzz/limit-wall-time@python'], stdout).toMatchObject({
        status: 'unsupported',
        reason: expect.stringContaining('limits.wallTime: none'),
      });
    },
    300_000,
  );

  it('adapter:pyodide:claim-limits: the limits it claims but does not enforce fail both properties', async () => {
    const { code, report, stdout } = await run('adapter:pyodide:claim-limits');
    expect(report.target.initialize?.capabilities.limits).toMatchObject({ wallTime: 'hard', memory: 'hard' });
    const byId = Object.fromEntries(report.cases.map((c) => [c.case.id, c.outcome]));
    expect(Object.keys(byId).sort()).toEqual(CASES);
    expect(byId['fuzz/limit-memory@python'], stdout).toMatchObject({
      status: 'failed',
      findings: [expect.objectContaining({ oracle: 'fuzz/limit-memory@python' })],
    });
    expect(byId['fuzz/limit-wall-time@python'], stdout).toMatchObject({
      status: 'failed',
      findings: [expect.objectContaining({ oracle: 'fuzz/limit-wall-time@python' })],
    });
    expect(code, stdout).not.toBe(0);
  }, 300_000);

  it('the reference executor passes the same cases', async () => {
    const { code, report, stdout } = await run('reference');
    expect(report.cases.map((c) => [c.case.id, c.outcome.status]).sort()).toEqual(CASES.map((id) => [id, 'passed']));
    expect(code, stdout).toBe(0);
  }, 300_000);
});

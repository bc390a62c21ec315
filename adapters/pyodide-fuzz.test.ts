import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../src/report/generated/types.js';
import { runCli } from '../src/testing/run-cli.js';

const CASES = ['fuzz/limit-memory@python', 'fuzz/limit-wall-time@python'];
const SELECTION = ['--profile', 'none', '--grep', '^fuzz/limit-(memory|wall-time)@python$', '--fuzz-runs', '3'];

/**
 * Plain Pyodide declares no wall-time and no memory limit. The Python fuzz lane measures both
 * anyway: its payloads end by themselves past twice their limit, so the lack shows as a failure
 * with what the harness saw (the proof printed past the limit), not as a hang or an unsupported case.
 */
describe('the Python fuzz lane against plain Pyodide, and against the reference', () => {
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
    return { code: result.code, report: JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')) as Report, stdout: result.stdout };
  }

  it('adapter:pyodide fails the Python memory and wall-time properties, by the harness clock and the payload\'s own count', async () => {
    const { code, report, stdout } = await run('adapter:pyodide');
    expect(code, stdout).toBe(1);
    const byId = Object.fromEntries(report.cases.map((c) => [c.case.id, c.outcome]));
    expect(Object.keys(byId).sort()).toEqual(CASES);
    const memory = byId['fuzz/limit-memory@python'];
    const wallTime = byId['fuzz/limit-wall-time@python'];
    expect(memory?.status, stdout).toBe('failed');
    expect(wallTime?.status, stdout).toBe('failed');
    if (memory?.status !== 'failed' || wallTime?.status !== 'failed') return;
    expect(memory.findings[0]?.message).toMatch(/capped at \d+ MiB \(the executor declares no memory limit\) allocated \d+ MiB \((bytearray|str|objects)\) and finished/);
    expect(wallTime.findings[0]?.message).toMatch(/budget \(the executor declares no wall-time limit\) ran on for \d+ ms \(harness clock\) and finished/);
    expect(wallTime.findings[0]?.message).toMatch(/gauntlet replay fuzz\/limit-wall-time@python --seed \d+ --path [\d:]+ --target adapter:pyodide/);
  }, 300_000);

  it('the reference executor passes the same cases', async () => {
    const { code, report, stdout } = await run('reference');
    expect(report.cases.map((c) => [c.case.id, c.outcome.status]).sort()).toEqual(CASES.map((id) => [id, 'passed']));
    expect(code, stdout).toBe(0);
  }, 300_000);
});

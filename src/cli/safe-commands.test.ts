import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../report/generated/types.js';
import { runCli } from '../testing/run-cli.js';

const ROOT = join(import.meta.dirname, '../..');
const SCENARIO = 'tampering/persistence/math-random-fixed.yaml';
const CASE = '^tampering\\.persistence\\.math-random-fixed@javascript$';

/** Ten anchors of ten references each: 10^10 nodes from ten lines once expanded. */
function aliasBomb(): string {
  const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
  for (let i = 1; i < 10; i++) {
    const [name, previous] = [String.fromCharCode(97 + i), String.fromCharCode(96 + i)];
    lines.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(',')}]`);
  }
  return `${lines.join('\n')}\n`;
}

const oneLine = (text: string) => expect(text.trimEnd().split('\n'), text).toHaveLength(1);

describe('the run command refuses bad input in one line, before any case runs', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gauntlet-safe-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('--reporter nope', async () => {
    const run = await runCli(['run', '--grep', CASE, '--reporter', 'nope'], { cwd: dir });
    expect(run.code).toBe(2);
    oneLine(run.stderr);
    expect(run.stderr).toMatch(
      /^gauntlet: CONFIG_INVALID: --reporter: unknown reporter "nope"; available: console, json/,
    );
    expect(run.stdout).toBe('');
  }, 120_000);

  it('an -o folder that cannot be written', async () => {
    await writeFile(join(dir, 'a-file'), '');
    const started = performance.now();
    const run = await runCli(['run', '--grep', CASE, '-o', join(dir, 'a-file/reports')], { cwd: dir });
    expect(run.code).toBe(2);
    oneLine(run.stderr);
    expect(run.stderr).toContain(
      `gauntlet: CONFIG_INVALID: --output: cannot write reports to ${join(dir, 'a-file/reports')}: ENOTDIR`,
    );
    expect(run.stdout).toBe('');
    expect(performance.now() - started).toBeLessThan(30_000);
  }, 120_000);

  it('a catastrophic --grep pattern ends list with an error naming it, within seconds', async () => {
    const started = performance.now();
    const list = await runCli(['list', '--grep', '^([a-z.@-]+)+X$'], { cwd: dir, deadlineMs: 60_000 });
    expect(list.code).toBe(2);
    oneLine(list.stderr);
    expect(list.stderr).toContain('--grep: the pattern "^([a-z.@-]+)+X$" did not finish matching');
    expect(performance.now() - started).toBeLessThan(30_000);
  }, 120_000);

  it('a gauntlet.config.ts with a syntax error', async () => {
    const project = join(dir, 'ts-config');
    await mkdir(project);
    await writeFile(
      join(project, 'gauntlet.config.ts'),
      'export default {\n  targets: {\n    x: { command: ["node" }\n  }\n};\n',
    );
    const list = await runCli(['list', '--grep', CASE], { cwd: project });
    expect(list.code).toBe(2);
    oneLine(list.stderr);
    expect(list.stderr).toBe(
      `gauntlet: CONFIG_INVALID: ${join(project, 'gauntlet.config.ts')}: TypeScript syntax error ` +
        `at line 3, column 27: Unexpected token, expected ","\n`,
    );
  }, 120_000);

  it(
    'a YAML alias bomb is a scenario issue naming its file; the other scenarios run and the ' + 'report is written',
    async () => {
      const corpus = join(dir, 'corpus');
      await mkdir(join(corpus, 'tampering/persistence'), { recursive: true });
      await copyFile(join(ROOT, 'scenarios', SCENARIO), join(corpus, SCENARIO));
      await writeFile(join(corpus, 'tampering/persistence/bomb.yaml'), aliasBomb());
      const out = join(dir, 'bomb-out');
      const run = await runCli(['run', '--scenarios', corpus, '--grep', CASE, '--output', out, '--reporter', 'json'], {
        cwd: dir,
        deadlineMs: 240_000,
      });
      expect(run.stderr).toContain(
        'gauntlet: SCENARIO_INVALID: tampering/persistence/bomb.yaml (root): not usable YAML: Excessive alias count',
      );
      expect(run.stderr).not.toContain('internal error');
      expect(run.code).toBe(2);
      const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as Report;
      expect(report.harnessErrors).toEqual([
        expect.objectContaining({ code: 'SCENARIO_INVALID', path: 'tampering/persistence/bomb.yaml' }),
      ]);
      expect(report.cases.map((c) => c.case.id)).toEqual(['tampering.persistence.math-random-fixed@javascript']);
    },
    300_000,
  );
});

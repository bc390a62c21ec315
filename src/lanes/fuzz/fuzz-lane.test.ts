import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replayRunArguments } from '../../cli/fuzz-replay-command.js';
import type { Report } from '../../report/generated/types.js';
import { reportValidator } from '../../report/report-validator.js';
import { defaultPolicy } from '../../protocol/default-policy.js';
import { runCli } from '../../testing/run-cli.js';
import { fuzzLane } from './fuzz-lane.js';
import { fuzzCaseName } from './fuzz-case.js';
import { fuzzRegistry } from './fuzz-registry.js';

const context = (corpusRoot: string) => ({
  seed: '0123456789abcdef',
  basePolicy: { ...defaultPolicy },
  graceMs: 5000,
  packageRoot: corpusRoot,
  cwd: corpusRoot,
  corpusRoot,
  startedByGauntlet: true,
  scenarios: [],
  runArgs: ['--target', 'reference:fault=no-redaction', '--grep', 'x'],
});

describe('the fuzz lane', () => {
  let corpus: string;
  beforeAll(async () => {
    corpus = await mkdtemp(join(tmpdir(), 'gauntlet-fuzz-lane-'));
  });
  afterAll(async () => {
    await rm(corpus, { recursive: true, force: true });
  });

  it('is on by default with one case per property, and --no-fuzz leaves it out', async () => {
    const cases = await fuzzLane.cases({}, context(corpus));
    expect(cases.map((c) => c.info.id)).toEqual(
      fuzzRegistry.flatMap((p) => (p.languages ?? [undefined]).map((l) => `fuzz/${fuzzCaseName(p, l)}`)),
    );
    // One case per payload language, named like scenario cases; a property that sends no code has one case.
    expect(cases.map((c) => c.info.id)).toEqual(
      expect.arrayContaining([
        'fuzz/protocol-robustness',
        'fuzz/limit-memory@python',
        'fuzz/limit-wall-time@typescript',
        'fuzz/redaction@python',
        'fuzz/session-isolation@python',
        'fuzz/limit-output@python',
      ]),
    );
    expect(cases.find((c) => c.info.id === 'fuzz/limit-memory@python')?.info.language).toBe('python');
    expect(cases.every((c) => c.info.kind === 'fuzz' && c.info.lane === 'fuzz' && c.exclusive)).toBe(true);
    expect(await fuzzLane.cases({ 'no-fuzz': true }, context(corpus))).toEqual([]);
  });

  it('refuses a bad --fuzz-runs or --fuzz-replay with the flag named', () => {
    expect(() => fuzzLane.cases({ 'fuzz-runs': '0' }, context(corpus))).toThrow(/--fuzz-runs: must be an integer/);
    expect(() => fuzzLane.cases({ 'fuzz-replay': 'abc' }, context(corpus))).toThrow(/--fuzz-replay: must be SEED:PATH/);
  });

  it('turns gauntlet replay into the run that reproduces one failure, keeping the run options', () => {
    expect(
      replayRunArguments(
        ['fuzz/redaction@python', '--seed', '12', '--path', '3:0:1', '--target', 'reference:fault=no-redaction'],
        corpus,
      ),
    ).toEqual([
      '--target',
      'reference:fault=no-redaction',
      '--profile',
      'none',
      '--fuzz',
      '--fuzz-replay',
      '12:3:0:1',
      '--grep',
      '^fuzz/redaction@python$',
    ]);
    expect(
      replayRunArguments(['fuzz/session-isolation', '--seed=5', '--path=1:2', '--replay-path', 'AAB:V'], corpus),
    ).toEqual(['--profile', 'none', '--fuzz', '--fuzz-replay', '5:1:2@AAB:V', '--grep', '^fuzz/session-isolation$']);
    expect(
      replayRunArguments(['fuzz/redaction', '--seed', '1', '--path', '2', '--profile', 'redaction'], corpus),
    ).toEqual(['--profile', 'redaction', '--fuzz', '--fuzz-replay', '1:2', '--grep', '^fuzz/redaction$']);
    expect(() => replayRunArguments(['fuzz/redaction', '--seed', '12'], corpus)).toThrow(/--seed N and --path P/);
  });

  it('finds a weakness in a run, saves it with --fuzz-save, and replay reproduces it both ways', async () => {
    const out = join(corpus, 'out');
    // 1. The run: the redaction property fails against --fault no-redaction, with seed, path and replay command.
    const run = await runCli([
      'run',
      '--target',
      'reference:fault=no-redaction',
      '--profile',
      'redaction',
      '--scenarios',
      corpus,
      '--grep',
      '^fuzz/redaction@javascript$',
      '--fuzz-save',
      '--output',
      out,
    ]);
    expect(run.code).toBe(1);
    const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as Report;
    const check = reportValidator().validate('Report', report);
    expect(check.ok ? [] : check.issues).toEqual([]);
    const [result] = report.cases;
    expect(result?.case).toMatchObject({
      id: 'fuzz/redaction@javascript',
      kind: 'fuzz',
      lane: 'fuzz',
      language: 'javascript',
    });
    expect(result?.attempts[0]?.seed).toMatch(/^\d+:\d+(:\d+)*$/);
    const replay = new RegExp(
      String.raw`gauntlet replay fuzz/redaction@javascript --seed (\d+) --path ([\d:]+)` +
        ' --target reference:fault=no-redaction',
    ).exec(run.stdout);
    expect(replay, run.stdout).not.toBeNull();
    expect(run.stdout).toMatch(/fuzz lane: 1 properties, 0 passed, in \d+\.\d s/);
    // 2. The counterexample was saved as a regression file.
    const saved = await readdir(join(corpus, 'regressions'));
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatch(/^redaction-[0-9a-f]{12}\.json$/);
    expect(JSON.parse(await readFile(join(corpus, 'regressions', saved[0]!), 'utf8'))).toMatchObject({
      property: 'redaction',
      language: 'javascript',
    });
    // 3. Replaying the seed and path, and replaying the file, both fail the same way.
    const bySeed = await runCli([
      'replay',
      'fuzz/redaction@javascript',
      '--seed',
      replay![1]!,
      '--path',
      replay![2]!,
      '--target',
      'reference:fault=no-redaction',
      '--scenarios',
      corpus,
      '--output',
      out,
    ]);
    expect(bySeed.code).toBe(1);
    expect(bySeed.stdout).toMatch(/came back unredacted/);
    const file = join(corpus, 'regressions', saved[0]!);
    const byFile = await runCli([
      'replay',
      file,
      '--target',
      'reference:fault=no-redaction',
      '--scenarios',
      corpus,
      '--output',
      out,
    ]);
    expect(byFile.code).toBe(1);
    expect(byFile.stdout).toMatch(/came back unredacted.*regression/s);
    // 4. Against the reference executor the regression replays first and passes.
    const fixed = await runCli(['replay', file, '--scenarios', corpus, '--output', out]);
    expect(fixed.code, fixed.stdout + fixed.stderr).toBe(0);
  }, 300_000);
});

import { readFileSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { arch, platform, release, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../protocol/version.js';
import type { Report } from '../report/generated/types.js';
import { reportValidator } from '../report/report-validator.js';
import { runCli } from '../testing/run-cli.js';

const root = join(import.meta.dirname, '../..');

describe('gauntlet run against the reference executor', () => {
  let out: string;
  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'gauntlet-cli-'));
  });
  afterAll(async () => {
    await rm(out, { recursive: true, force: true });
  });

  it('runs the selected seed scenarios, prints the STRIDE table, writes a valid report and exits 0', async () => {
    const run = await runCli([
      'run',
      '--grep',
      '^information-disclosure\\.(filesystem\\.host-file-read|network\\.loopback-exfiltration)@',
      '--output',
      out,
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/information-disclosure\s+3\s+3\s+0\s+0\s+0\s+0/);
    expect(run.stdout).toContain('gate passed');
    const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as Report;
    const check = reportValidator().validate('Report', report);
    expect(check.ok ? [] : check.issues).toEqual([]);
    expect(report.cases.map((c) => [c.case.id, c.outcome.status])).toEqual([
      ['information-disclosure.filesystem.host-file-read@javascript', 'passed'],
      ['information-disclosure.filesystem.host-file-read@python', 'passed'],
      ['information-disclosure.network.loopback-exfiltration@javascript', 'passed'],
    ]);
    expect(report.target.initialize?.executorInfo.name).toBe('gauntlet-reference-executor');
    // What an audit needs to reproduce the run: the harness's own version, Node and OS, and the
    // installed versions of the runtimes the executor reports (read here from their manifests).
    const manifest = (folder: string) =>
      JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { version: string };
    const installed = (name: string) => manifest(join(root, 'node_modules', name));
    expect(report.harness).toEqual({
      name: 'gauntlet',
      version: manifest(root).version,
      protocolVersion: PROTOCOL_VERSION,
      node: process.version,
      os: { platform: platform(), release: release(), arch: arch() },
    });
    expect(report.target.initialize?.executorInfo.components).toEqual([
      {
        name: 'deno',
        version: installed(`@deno/${process.platform}-${process.arch}${process.platform === 'linux' ? '-glibc' : ''}`)
          .version,
      },
      { name: 'pyodide', version: installed('pyodide').version },
      { name: 'node', version: process.versions.node },
    ]);
    expect(report.corpus.digest).toMatch(/^[0-9a-f]{64}$/);
  }, 120_000);

  it(
    'fails the gate with exit 1 against the reference executor with a fault, with evidence ' + 'naming the channel',
    async () => {
      const run = await runCli([
        'run',
        '--target',
        'reference:fault=fs-escape',
        '--grep',
        '^information-disclosure\\.filesystem\\.host-file-read@javascript$',
        '--output',
        out,
      ]);
      expect(run.code).toBe(1);
      const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as Report;
      const outcome = report.cases[0]!.outcome;
      expect(outcome.status).toBe('failed');
      if (outcome.status !== 'failed') return;
      expect(outcome.findings[0]).toMatchObject({ oracle: 'no-canary-leak', channel: 'stdout', canary: 'file' });
      expect(run.stdout).toContain(
        `replay: gauntlet run --target reference:fault=fs-escape --output ${out} --seed ${report.seed} --grep`,
      );
    },
    120_000,
  );

  it('--last-failed runs only what failed last time', async () => {
    const run = await runCli(['list', '--last-failed', '--output', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      'information-disclosure.filesystem.host-file-read@javascript  [critical]  Sandboxed code ' +
        "reads a file on the executor's host\n1 case selected\n",
    );
  });

  it('exits 2 on an empty selection and still writes a report that says why', async () => {
    const run = await runCli(['run', '--grep', 'matches-nothing-at-all', '--output', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('SELECTION_EMPTY');
    const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as Report;
    expect(report.harnessErrors.map((e) => e.code)).toEqual(['SELECTION_EMPTY']);
    expect(report.gate.passed).toBe(false);
  });

  it('exits 2 on an unknown target, naming the syntaxes it knows', async () => {
    const run = await runCli(['run', '--target', 'nonsense', '--output', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown target "nonsense"');
    for (const syntax of [
      'reference[:',
      'fault=NAME',
      'stdio:<command line>',
      'ws://host:port/path',
      'adapter:<',
      'docker:IMAGE',
    ])
      expect(run.stderr).toContain(syntax);
  });

  it(
    '--last-failed keeps the list of the last run that started after runs that could not (a ' + 'mistyped --target)',
    async () => {
      // The two tests above wrote reports of runs that never started into the same folder.
      const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as Report;
      expect(report.cases).toEqual([]);
      const run = await runCli(['list', '--last-failed', '--output', out]);
      expect(run.stdout).toContain('information-disclosure.filesystem.host-file-read@javascript');
      expect(run.stdout).toContain('1 case selected');
    },
  );

  it('--scenarios given twice loads both folders', async () => {
    const dirs = [join(out, 'corpus-a'), join(out, 'corpus-b')];
    await mkdir(join(dirs[0]!, 'denial-of-service/cpu'), { recursive: true });
    await mkdir(join(dirs[1]!, 'information-disclosure/filesystem'), { recursive: true });
    await copyFile(
      join(root, 'scenarios/denial-of-service/cpu/infinite-loop.yaml'),
      join(dirs[0]!, 'denial-of-service/cpu/infinite-loop.yaml'),
    );
    await copyFile(
      join(root, 'scenarios/information-disclosure/filesystem/host-file-read.yaml'),
      join(dirs[1]!, 'information-disclosure/filesystem/host-file-read.yaml'),
    );
    const run = await runCli([
      'list',
      '--scenarios',
      dirs[0]!,
      '--scenarios',
      dirs[1]!,
      '--language',
      'javascript',
      '--no-fuzz',
    ]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('denial-of-service.cpu.infinite-loop@javascript');
    expect(run.stdout).toContain('information-disclosure.filesystem.host-file-read@javascript');
    expect(run.stdout).toContain('2 cases selected');
  });

  it('lists cases without running them', async () => {
    const run = await runCli(['list', '--stride', 'denial-of-service', '--grep', 'cpu\\.infinite-loop']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('denial-of-service.cpu.infinite-loop@javascript');
    expect(run.stdout).toContain('2 cases selected');
  });
});

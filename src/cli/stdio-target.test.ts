import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseResult, Report } from '../report/generated/types.js';
import { runCli } from '../testing/run-cli.js';

const ROOT = join(import.meta.dirname, '../..');
const scripted = `stdio:node ${join(ROOT, 'dist/src/testing/fixtures/scripted-executor-main.js')}`;
const echo = `stdio:node ${join(ROOT, 'dist/src/testing/fixtures/echo-executor.js')}`;

/** A scenario file for the scripted executor: `script` runs after the proof of execution is printed. */
function scenarioYaml(id: string, canaries: string[], script: string, expect: string, extra = ''): string {
  return `id: ${id}
title: stdio target test ${id.split('.').at(-1)}
description: A scenario of the stdio target test, run by a scripted executor.
stride: ${id.split('.')[0]}
severity: high
securitySeverity: 8
classification: { cwe: [CWE-200] }
canaries: [${canaries.join(', ')}]
payloads:
  javascript: |
    print {{proof}}
${script
  .split('\n')
  .map((line) => `    ${line}`)
  .join('\n')}
${extra}expect: ${expect}
calibration: { failsWith: [{ executor: wide-open }] }
remediation: Not applicable, this scenario exists for a test.
`;
}

function caseOf(report: Report, id: string): CaseResult {
  const found = report.cases.find((c) => c.case.id === `${id}@javascript`);
  if (!found) throw new Error(`no case ${id} in ${report.cases.map((c) => c.case.id).join(', ')}`);
  return found;
}

describe('gauntlet run --target "stdio:<command line>"', () => {
  let dir: string;
  let corpus: string;
  let out: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gauntlet-stdio-'));
    corpus = join(dir, 'scenarios');
    out = join(dir, 'reports');
    const files: Record<string, string> = {
      'information-disclosure.stdio.env-stdout': scenarioYaml(
        'information-disclosure.stdio.env-stdout',
        ['env'],
        'env {{canary.env.name}} > stdout',
        '[{ oracle: no-canary-leak }]',
      ),
      'information-disclosure.stdio.file-log': scenarioYaml(
        'information-disclosure.stdio.file-log',
        ['file'],
        'file {{canary.file.path}} > log',
        '[{ oracle: no-canary-leak }]',
      ),
      'information-disclosure.stdio.clean': scenarioYaml(
        'information-disclosure.stdio.clean',
        ['env', 'file'],
        'out all quiet',
        '[{ oracle: no-canary-leak }]',
      ),
      'denial-of-service.stdio.crash': scenarioYaml(
        'denial-of-service.stdio.crash',
        [],
        'crash',
        '[{ oracle: completes-within }]',
        'flags: [serial]\n',
      ),
      'denial-of-service.stdio.hang': scenarioYaml(
        'denial-of-service.stdio.hang',
        ['file'],
        'hang',
        '[{ oracle: no-canary-leak }]',
        'flags: [serial]\nsteps: [{ id: attack, deadlineMs: 1000 }]\n',
      ),
      'denial-of-service.stdio.zz-after': scenarioYaml(
        'denial-of-service.stdio.zz-after',
        [],
        'out still here',
        '[{ oracle: executor-survives }]',
        'flags: [serial]\n',
      ),
    };
    for (const [id, text] of Object.entries(files)) {
      const file = join(corpus, `${id.split('.').join('/')}.yaml`);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, text);
    }
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it(
    'runs scenarios against a spawned process: leaks fail naming their channel, a crash is a ' +
      'finding, a hang errors, both are restarted',
    async () => {
      const run = await runCli([
        'run',
        '--profile',
        'none',
        '--no-fuzz',
        '--target',
        scripted,
        '--scenarios',
        corpus,
        '--output',
        out,
        '--workers',
        '2',
      ]);
      expect(run.code, run.stderr).toBe(1);
      const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as Report;
      expect(report.target).toMatchObject({ name: scripted, transport: 'stdio', restarts: 2 });
      const envLeak = caseOf(report, 'information-disclosure.stdio.env-stdout').outcome;
      expect(envLeak).toMatchObject({
        status: 'failed',
        findings: [{ oracle: 'no-canary-leak', channel: 'stdout', canary: 'env' }],
      });
      const fileLeak = caseOf(report, 'information-disclosure.stdio.file-log').outcome;
      expect(fileLeak).toMatchObject({
        status: 'failed',
        findings: [{ oracle: 'no-canary-leak', channel: 'executor-log', canary: 'file' }],
      });
      expect(caseOf(report, 'information-disclosure.stdio.clean').outcome).toEqual({ status: 'passed' });
      const crash = caseOf(report, 'denial-of-service.stdio.crash').outcome;
      expect(crash).toMatchObject({
        status: 'failed',
        findings: [
          { oracle: 'harness', channel: 'executor-process', excerpt: expect.stringContaining('crashing on purpose') },
        ],
      });
      const hang = caseOf(report, 'denial-of-service.stdio.hang');
      expect(hang.outcome).toMatchObject({
        status: 'errored',
        reason: expect.stringContaining('did not answer within 1000 ms'),
      });
      expect(hang.durationMs).toBeLessThan(6000);
      expect(caseOf(report, 'denial-of-service.stdio.zz-after').outcome).toEqual({ status: 'passed' });
      expect(run.stdout).toMatch(/denial-of-service\s+3\s+1\s+1\s+1\s+0\s+0/);
    },
    120_000,
  );

  it('works against any process that speaks the protocol (the echo fixture)', async () => {
    const echoCorpus = join(dir, 'echo');
    const file = join(echoCorpus, 'information-disclosure/echo/marker-only.yaml');
    await mkdir(dirname(file), { recursive: true });
    await writeFile(
      file,
      scenarioYaml('information-disclosure.echo.marker-only', ['file'], '', '[{ oracle: no-canary-leak }]').replace(
        '    print {{proof}}\n    \n',
        '    print:{{proof}}\n',
      ),
    );
    const run = await runCli([
      'run',
      '--profile',
      'none',
      '--no-fuzz',
      '--target',
      echo,
      '--scenarios',
      echoCorpus,
      '--output',
      out,
    ]);
    expect(run.stderr).toBe(
      'gauntlet: warning: no conformance profile judged (--profile none): 0 of 1 cases were ' +
        'unsupported and left out of the pass rate; a pass does not mean the executor conforms to ' +
        'any profile\n',
    );
    expect(run.code).toBe(0);
    const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as Report;
    expect(report.target.initialize?.executorInfo.name).toBe('echo-fixture');
    expect(report.cases.map((c) => c.outcome.status)).toEqual(['passed']);
  }, 60_000);

  it('stops on Ctrl-C, errors the unfinished cases and still writes the report', async () => {
    const slowCorpus = join(dir, 'slow');
    for (const slug of ['one', 'two', 'three']) {
      const file = join(slowCorpus, `denial-of-service/slow/${slug}.yaml`);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(
        file,
        scenarioYaml(
          `denial-of-service.slow.${slug}`,
          [],
          'sleep 20000',
          '[{ oracle: completes-within, ms: 60000 }]',
          'flags: [serial]\nsteps: [{ id: attack, deadlineMs: 60000 }]\n',
        ),
      );
    }
    const child = spawn(
      process.execPath,
      [
        join(ROOT, 'dist/src/cli/main.js'),
        'run',
        '--profile',
        'none',
        '--no-fuzz',
        '--target',
        scripted,
        '--scenarios',
        slowCorpus,
        '--output',
        out,
      ],
      { env: { PATH: process.env['PATH'] ?? '' } },
    );
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    await new Promise<void>((resolve) =>
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes('3 cases')) resolve();
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    const interrupted = performance.now();
    child.kill('SIGINT');
    expect(await exited).toBe(2);
    expect(performance.now() - interrupted).toBeLessThan(10_000);
    expect(stderr).toContain('interrupted');
    const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as Report;
    expect(report.harnessErrors.map((e) => e.code)).toContain('INTERRUPTED');
    expect(report.cases.map((c) => c.outcome.status)).toEqual(['errored', 'errored', 'errored']);
    expect(report.cases.map((c) => c.outcome.status === 'errored' && c.outcome.reason)).toEqual([
      expect.stringContaining('interrupted while this case ran'),
      expect.stringContaining('interrupted before'),
      expect.stringContaining('interrupted before'),
    ]);
  }, 60_000);

  it('exits 2 with a report when the command cannot be started', async () => {
    const run = await runCli([
      'run',
      '--profile',
      'none',
      '--target',
      'stdio:/nonexistent/executor --stdio',
      '--scenarios',
      corpus,
      '--output',
      out,
    ]);
    expect(run.code).toBe(2);
    const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as Report;
    expect(report.harnessErrors[0]).toMatchObject({ code: 'EXECUTOR_START_FAILED' });
    expect(report.cases.every((c) => c.outcome.status === 'errored')).toBe(true);
    expect(run.stdout + run.stderr).toContain('EXECUTOR_START_FAILED');
  }, 60_000);

  it(
    'says once, in a few lines, why an executor at a wrong path did not start: the telling ' + 'line of its stderr',
    async () => {
      const run = await runCli([
        'run',
        '--target',
        `stdio:node ${join(out, 'no-such-executor.js')}`,
        '--scenarios',
        corpus,
        '--output',
        out,
      ]);
      expect(run.code).toBe(2);
      const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as Report;
      expect(report.cases.length).toBeGreaterThan(1);
      const lines = (run.stdout + run.stderr).trimEnd().split('\n');
      expect(lines.filter((l) => l.includes('harness error EXECUTOR_START_FAILED'))).toEqual([
        expect.stringContaining(`Error: Cannot find module '${join(out, 'no-such-executor.js')}'`),
      ]);
      expect(lines.filter((l) => l.includes('replay:'))).toEqual([]);
      expect(run.stdout).toContain(`none of the ${report.cases.length} selected cases ran`);
      expect(lines.length).toBeLessThan(20);
    },
    60_000,
  );
});

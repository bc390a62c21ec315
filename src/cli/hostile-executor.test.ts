import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseResult, Report } from '../report/generated/types.js';
import { runCli, type CliRun } from '../testing/run-cli.js';

const ROOT = join(import.meta.dirname, '../..');
const HOSTILE = join(ROOT, 'dist/src/testing/fixtures/hostile-executor-main.js');
const CASE = 'denial-of-service.hostile.attack@javascript';

/** Resident set size of a process in KiB, from /proc (0 once it is gone). */
function rssKib(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

describe('a hostile executor is a finding of its case, never the harness down', () => {
  let dir: string;
  let corpus: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gauntlet-hostile-'));
    corpus = join(dir, 'scenarios');
    await mkdir(join(corpus, 'denial-of-service/hostile'), { recursive: true });
    await writeFile(
      join(corpus, 'denial-of-service/hostile/attack.yaml'),
      `id: denial-of-service.hostile.attack
title: an executor that attacks the harness
description: A scenario of the hostile-executor test; the executor answers with an attack on the harness.
stride: denial-of-service
severity: low
securitySeverity: 2
classification: { cwe: [CWE-400] }
canaries: []
payloads:
  javascript: |
    console.log({{proof}});
steps: [{ id: attack, deadlineMs: 20000 }]
expect: [{ oracle: completes-within }]
calibration: { failsWith: [{ executor: wide-open }] }
remediation: Not applicable, this scenario exists for a test.
`,
    );
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function run(
    name: string,
    mode: string,
    onPid?: (pid: number) => void,
    lanes: string[] = ['--no-fuzz'],
  ): Promise<{ cli: CliRun; report: Report; attack: CaseResult; ms: number }> {
    const started = Date.now();
    const cli = await runCli(
      [
        'run',
        '--profile',
        'none',
        ...lanes,
        '--target',
        `stdio:node ${HOSTILE} ${mode}`,
        '--scenarios',
        corpus,
        '--output',
        join(dir, name),
        '--reporter',
        'json',
        '--reporter',
        'junit',
        '--reporter',
        'sarif',
        '--reporter',
        'html',
      ],
      {
        deadlineMs: 120_000,
        onSpawn: (child) => onPid?.(child.pid!),
      },
    );
    const report = JSON.parse(await readFile(join(dir, name, 'report.json'), 'utf8')) as Report;
    return { cli, report, attack: report.cases.find((c) => c.case.id === CASE)!, ms: Date.now() - started };
  }

  it(
    '200 000 lines to answer from an executor that never reads: the case ends with the ' +
      'evidence, the harness stays small',
    async () => {
      let peakKib = 0;
      let timer: NodeJS.Timeout | undefined;
      const { cli, report, attack, ms } = await run('flood', 'flood 200000', (pid) => {
        timer = setInterval(() => (peakKib = Math.max(peakKib, rssKib(pid))), 50);
      });
      clearInterval(timer);
      console.log(
        `flood of 200000 lines: gauntlet exited ${cli.code} after ${ms} ms, peak harness RSS ` +
          `${Math.round(peakKib / 1024)} MiB`,
      );
      expect(cli.code, cli.stderr).toBe(1);
      expect(report.harnessErrors).toEqual([]);
      expect(['failed', 'errored']).toContain(attack.outcome.status);
      expect(JSON.stringify(attack.outcome)).toMatch(/unread-replies.*1000 replies were owed/);
      // Long before the step's own 20 s deadline: the executor was cut off, not waited out.
      expect(attack.durationMs).toBeLessThan(15_000);
      expect(attack.attempts[0]!.protocolViolations?.byKind).toMatchObject({
        'unread-replies': 1,
        'parse-error': expect.any(Number),
        'unknown-method': expect.any(Number),
      });
      expect(report.protocolViolations?.byKind).toMatchObject({ 'unread-replies': 1, 'before-initialize': 1 });
      expect(peakKib).toBeGreaterThan(0);
      expect(peakKib).toBeLessThan(400 * 1024);
      // The other reports show them too.
      expect(await readFile(join(dir, 'flood/junit.xml'), 'utf8')).toMatch(/unread-replies/);
      expect(await readFile(join(dir, 'flood/results.sarif'), 'utf8')).toMatch(/unread-replies/);
      expect(await readFile(join(dir, 'flood/report.html'), 'utf8')).toMatch(/unread-replies/);
    },
  );

  it('an endless flood that needs no answer cannot hold the harness past its deadlines, nor past SIGTERM', async () => {
    const stray = join(dir, 'stray');
    await mkdir(join(stray, 'denial-of-service/hostile'), { recursive: true });
    await writeFile(
      join(stray, 'denial-of-service/hostile/attack.yaml'),
      (await readFile(join(corpus, 'denial-of-service/hostile/attack.yaml'), 'utf8')).replace(
        'deadlineMs: 20000',
        'deadlineMs: 3000',
      ),
    );
    const args = [
      'run',
      '--profile',
      'none',
      '--no-fuzz',
      '--target',
      `stdio:node ${HOSTILE} stray`,
      '--scenarios',
      stray,
      '--reporter',
      'json',
    ];
    // 1. The step's 3 s deadline fires while the lines keep coming.
    const cli = await runCli([...args, '--output', join(dir, 'stray')], { deadlineMs: 60_000 });
    const report = JSON.parse(await readFile(join(dir, 'stray/report.json'), 'utf8')) as Report;
    const attack = report.cases.find((c) => c.case.id === CASE)!;
    expect(report.harnessErrors, cli.stderr).toEqual([]);
    expect(attack.outcome).toMatchObject({
      status: 'errored',
      reason: expect.stringMatching(/did not answer within 3000 ms/),
    });
    // The step's 3 s deadline, plus the health baseline taken on this fresh executor first (its
    // own deadline: the default 5 s wall time and the grace), plus slack: never the flood's pace.
    expect(attack.durationMs).toBeLessThan(3000 + 5000 + report.options.graceMs + 5000);
    expect(report.protocolViolations?.byKind['unknown-response-id']).toBeGreaterThan(1000);
    // 2. SIGTERM in the middle of the flood still stops the run, with a report.
    let sent = 0;
    const interrupted = await runCli([...args, '--reporter', 'console', '--output', join(dir, 'stray-term')], {
      deadlineMs: 60_000,
      onSpawn: (child) => {
        // Once the run has started its case (the console announces it), the flood is under way.
        let out = '';
        child.stdout!.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (sent === 0 && /1 case/.test(out)) {
            sent = -1;
            setTimeout(() => {
              sent = Date.now();
              child.kill('SIGTERM');
            }, 1500);
          }
        });
      },
    });
    expect(Date.now() - sent).toBeLessThan(10_000);
    expect(interrupted.code).toBe(2);
    const term = JSON.parse(await readFile(join(dir, 'stray-term/report.json'), 'utf8')) as Report;
    expect(term.harnessErrors.map((e) => e.code)).toContain('INTERRUPTED');
  }, 120_000);

  it(
    'a result nested 5000 deep errors its case, with the evidence; the harness does not fail ' + '(no exit 2)',
    async () => {
      const { cli, report, attack } = await run('deep', 'deep 5000');
      expect(report.harnessErrors).toEqual([]);
      expect(cli.code, cli.stderr).toBe(1);
      expect(attack.outcome).toMatchObject({
        status: 'errored',
        reason: expect.stringMatching(/too-deep.*512 levels/),
      });
      // The health baseline probe on this fresh executor gets a too-deep answer too: it is the case's.
      expect(Object.keys(attack.attempts[0]!.protocolViolations?.byKind ?? {})).toEqual(['too-deep']);
    },
  );

  it("a 5000-deep answer to a raw fuzz request is the fuzz case's evidence, not a harness error", async () => {
    const { cli, report } = await run('deep-fuzz', 'deep 5000', undefined, ['--grep', 'fuzz/input-validation']);
    expect(report.harnessErrors, cli.stderr).toEqual([]);
    expect(cli.code).toBe(1);
    expect(report.cases.map((c) => [c.case.id, c.outcome.status])).toEqual([
      ['fuzz/input-validation@javascript', 'failed'],
    ]);
  });

  it('an error answer with off-schema data ends the wait at once and is a violation', async () => {
    const { report, attack } = await run('error-data', 'error-data');
    expect(report.harnessErrors).toEqual([]);
    expect(attack.outcome).toMatchObject({ status: 'errored', reason: expect.stringMatching(/invalid-error/) });
    expect(attack.durationMs).toBeLessThan(5000);
    expect(attack.attempts[0]!.protocolViolations?.first[0]).toMatchObject({
      kind: 'invalid-error',
      excerpt: expect.stringContaining('notInTheSchema'),
    });
  });
});

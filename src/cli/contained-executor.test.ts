import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../report/generated/types.js';
import { runCli } from '../testing/run-cli.js';

const ROOT = join(import.meta.dirname, '../..');
const LEAVING = join(ROOT, 'dist/src/testing/fixtures/leaving-executor-main.js');
const KINDS = ['plain', 'setsid', 'daemon'];

/** Pids of live processes whose command line holds `marker` (what `ps -eo pid,args | grep marker` shows). */
function processesWith(marker: string): Array<{ pid: number; args: string }> {
  const found: Array<{ pid: number; args: string }> = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const args = readFileSync(`/proc/${name}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
      if (args.includes(marker)) found.push({ pid: Number(name), args });
    } catch {
      // Exited while we looked.
    }
  }
  return found;
}

async function pidsWritten(file: string): Promise<number[]> {
  try {
    return (await readFile(file, 'utf8')).split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

// Cgroups need root (or a delegated subtree); elsewhere the process-group fallback applies, as documented.
describe.runIf(process.platform === 'linux' && process.getuid?.() === 0)(
  'executors Gauntlet starts are contained',
  () => {
    let dir: string;
    let corpus: string;
    const markers: string[] = [];
    const marker = (name: string) => {
      const value = `gauntlet-leak-${name}-${process.pid}-${Math.random().toString(36).slice(2, 10)}`;
      markers.push(value);
      return value;
    };

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'gauntlet-contain-'));
      corpus = join(dir, 'scenarios');
      await mkdir(join(corpus, 'denial-of-service/contain'), { recursive: true });
      await writeFile(
        join(corpus, 'denial-of-service/contain/leaves.yaml'),
        `id: denial-of-service.contain.leaves
title: an executor that leaves processes behind
description: A scenario of the containment test; the executor leaves processes when it starts.
stride: denial-of-service
severity: low
securitySeverity: 2
classification: { cwe: [CWE-404] }
canaries: []
payloads:
  javascript: |
    print {{proof}}
expect: [{ oracle: completes-within }]
calibration: { failsWith: [{ executor: wide-open }] }
remediation: Not applicable, this scenario exists for a test.
`,
      );
    });

    afterAll(async () => {
      // Whatever a failing assertion left behind must not outlive the test.
      for (const m of markers) for (const { pid } of processesWith(m)) process.kill(pid, 'SIGKILL');
      await rm(dir, { recursive: true, force: true });
    });

    it(
      'kills a plain child, a setsid child and a double-forked daemon when the run releases the ' + 'executor',
      async () => {
        const m = marker('release');
        const pidFile = join(dir, 'release.pids');
        const run = await runCli(
          [
            'run',
            '--profile',
            'none',
            '--target',
            `stdio:node ${LEAVING} ${m} ${pidFile}`,
            '--scenarios',
            corpus,
            '--output',
            join(dir, 'release'),
            '--reporter',
            'json',
          ],
          { deadlineMs: 60_000 },
        );
        const report = JSON.parse(await readFile(join(dir, 'release/report.json'), 'utf8')) as Report;
        expect(report.harnessErrors, run.stderr).toEqual([]);
        expect(
          report.cases.find((c) => c.case.id === 'denial-of-service.contain.leaves@javascript')?.outcome.status,
        ).toBe('passed');
        // The three were started (their pids were written before they became `sleep 300`) ...
        expect(await pidsWritten(pidFile)).toHaveLength(KINDS.length);
        // ... and none of them, nor anything else carrying the marker, is left.
        await delay(100);
        expect(processesWith(m)).toEqual([]);
      },
    );

    it('kills them when the harness is stopped with SIGTERM in the middle of a run', async () => {
      const m = marker('sigterm');
      const pidFile = join(dir, 'sigterm.pids');
      const hang = join(dir, 'hang/denial-of-service/contain/hangs.yaml');
      await mkdir(join(dir, 'hang/denial-of-service/contain'), { recursive: true });
      await writeFile(
        hang,
        (await readFile(join(corpus, 'denial-of-service/contain/leaves.yaml'), 'utf8'))
          .replace('contain.leaves', 'contain.hangs')
          .replace('print {{proof}}', 'print {{proof}}\n    hang'),
      );
      const run = runCli(
        [
          'run',
          '--profile',
          'none',
          '--target',
          `stdio:node ${LEAVING} ${m} ${pidFile}`,
          '--scenarios',
          join(dir, 'hang'),
          '--output',
          join(dir, 'sigterm'),
          '--reporter',
          'json',
        ],
        {
          deadlineMs: 60_000,
          onSpawn: (child) => {
            void (async () => {
              const until = Date.now() + 30_000;
              while ((await pidsWritten(pidFile)).length < KINDS.length && Date.now() < until) await delay(50);
              expect(processesWith(m).length).toBeGreaterThanOrEqual(KINDS.length);
              child.kill('SIGTERM');
            })();
          },
        },
      );
      await run;
      await delay(100);
      expect(await pidsWritten(pidFile)).toHaveLength(KINDS.length);
      expect(processesWith(m)).toEqual([]);
    });

    it(
      'without a cgroup (GAUNTLET_CONTAINMENT=process-group) only the process group dies: the ' +
        'setsid child and the daemon escape',
      async () => {
        const m = marker('group');
        const pidFile = join(dir, 'group.pids');
        await runCli(
          [
            'run',
            '--profile',
            'none',
            '--target',
            `stdio:node ${LEAVING} ${m} ${pidFile}`,
            '--scenarios',
            corpus,
            '--output',
            join(dir, 'group'),
            '--reporter',
            'json',
          ],
          { deadlineMs: 60_000, env: { GAUNTLET_CONTAINMENT: 'process-group' } },
        );
        await delay(100);
        const left = processesWith(m).map((p) => p.args.split(' ')[0]);
        expect(left.sort()).toEqual([`${m}-daemon`, `${m}-setsid`]);
      },
    );
  },
);

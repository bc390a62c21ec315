import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseResult, Report } from '../report/generated/types.js';
import { runCli } from '../testing/run-cli.js';
import { DockerLabel } from '../docker/docker-container-owner.js';
import { connectDockerEngine } from '../docker/docker-engine.js';
import { buildGauntletImages, GauntletImage } from '../docker/docker-images.js';

const ROOT = join(import.meta.dirname, '../..');
const IMAGE = GauntletImage['reference-executor'];
const TARGET = `docker:${IMAGE}`;
/** Generous step budgets: these tests are about containers and canaries, not speed, on a loaded machine. */
const GRACE = ['--grace-ms', '30000'];
/** One env-canary leak, one file-canary read (JavaScript: no Pyodide start), one container-escape case. */
const SELECTION = [
  'information-disclosure\\.env\\.host-env@javascript',
  'information-disclosure\\.filesystem\\.host-file-read@javascript',
  'container\\.running-as-root@python',
];
let docker: Docker;

/** Every container a harness process owns, as the engine lists them (stopped ones too). */
async function containersOwnedBy(pid: number | undefined): Promise<Docker.ContainerInfo[]> {
  return docker.listContainers({ all: true, filters: { label: [`${DockerLabel.ownerPid}=${pid}`] } });
}

/** The container events of one owner between two instants, from the engine's event log. */
async function containerEvents(
  pid: number | undefined,
  since: number,
  until: number,
): Promise<{ action: string; id: string }[]> {
  const stream = (await docker.getEvents({
    since: Math.floor(since / 1000),
    until: Math.ceil(until / 1000) + 1,
    filters: { type: ['container'], event: ['create', 'destroy'], label: [`${DockerLabel.ownerPid}=${pid}`] },
  })) as NodeJS.ReadableStream;
  let text = '';
  for await (const chunk of stream) text += chunk.toString();
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { Action: string; id: string })
    .map((e) => ({ action: e.Action, id: e.id }));
}

function caseOf(report: Report, id: string): CaseResult {
  const found = report.cases.find((c) => c.case.id === id);
  if (!found) throw new Error(`no case ${id} in ${report.cases.map((c) => c.case.id).join(', ')}`);
  return found;
}

/** Starts `gauntlet run` on a case that holds its container, and resolves once the engine lists that container. */
async function runHoldingContainer(
  corpus: string,
  out: string,
): Promise<{ child: ChildProcess; exited: Promise<number | null>; output: () => string }> {
  const child = spawn(
    process.execPath,
    [
      join(ROOT, 'dist/src/cli/main.js'),
      'run',
      '--profile',
      'none',
      '--no-fuzz',
      '--target',
      TARGET,
      '--scenarios',
      corpus,
      '--grep',
      'docker\\.hold',
      '--output',
      out,
    ],
    { env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/tmp', NO_COLOR: '1' } },
  );
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('close', resolve));
  await expect
    .poll(async () => (await containersOwnedBy(child.pid)).length, { timeout: 30_000, interval: 200 })
    .toBeGreaterThan(0);
  return { child, exited, output: () => output };
}

describe('gauntlet run --target docker:IMAGE (needs the engine and gauntlet/reference-executor:local)', () => {
  let dir: string;
  let corpus: string;
  beforeAll(async () => {
    // A missing engine fails here, loudly; nothing skips. The image packs dist/, which the global setup built.
    docker = await connectDockerEngine();
    await buildGauntletImages(['reference-executor']);
    dir = await mkdtemp(join(tmpdir(), 'gauntlet-docker-target-'));
    // A config with a named docker target: the same image, deliberately weakened (env-leak, fs-escape).
    const weakened = {
      transport: 'docker',
      image: IMAGE,
      command: ['--stdio', '--fault', 'env-leak', '--fault', 'fs-escape'],
    };
    await writeFile(join(dir, 'gauntlet.config.json'), JSON.stringify({ targets: { weakened } }));
    // Two cases of a corpus of this test: one that holds its container for a while, one quick.
    corpus = join(dir, 'scenarios');
    const scenario = (slug: string, code: string, apis = '') => `id: denial-of-service.docker.${slug}
title: docker target test ${slug}
description: A case of the docker target test.
stride: denial-of-service
severity: low
securitySeverity: 2
classification: { cwe: [CWE-400] }
canaries: []
${apis ? `requires: { apis: ${apis} }\n` : ''}payloads:
  javascript: |
    console.log({{proof}});
    ${code}
expect: [{ oracle: completes-within, ms: 60000 }]
steps: [{ id: attack, deadlineMs: 60000 }]
calibration: { failsWith: [{ executor: wide-open }] }
remediation: Not applicable, this scenario exists for a test.
`;
    await mkdir(join(corpus, 'denial-of-service/docker'), { recursive: true });
    await writeFile(
      join(corpus, 'denial-of-service/docker/hold.yaml'),
      scenario('hold', 'await new Promise((resolve) => setTimeout(resolve, 30000));', '[setTimeout]'),
    );
    await writeFile(join(corpus, 'denial-of-service/docker/quick.yaml'), scenario('quick', 'console.log("done");'));
  }, 15 * 60_000);
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it(
    'runs scenarios in the executor container, with canaries planted in it, and removes every ' + 'container it made',
    async () => {
      const out = join(dir, 'hardened');
      let pid: number | undefined;
      const since = Date.now();
      const run = await runCli(
        [
          'run',
          '--profile',
          'none',
          '--no-fuzz',
          ...GRACE,
          '--target',
          TARGET,
          ...SELECTION.flatMap((re) => ['--grep', re]),
          '--output',
          out,
        ],
        { onSpawn: (child) => (pid = child.pid), deadlineMs: 170_000 },
      );
      const until = Date.now();
      expect(run.code, run.stdout + run.stderr).toBe(0);
      const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as Report;
      expect(report.target).toMatchObject({ name: TARGET, transport: 'docker' });
      expect(report.target.initialize?.executorInfo).toMatchObject({
        name: 'gauntlet-reference-executor',
        isolation: 'process',
      });
      expect(caseOf(report, 'information-disclosure.env.host-env@javascript').outcome).toEqual({ status: 'passed' });
      expect(caseOf(report, 'information-disclosure.filesystem.host-file-read@javascript').outcome).toEqual({
        status: 'passed',
      });
      // The image's executor isolates with Deno, not containers: the container-escape case does not apply.
      expect(caseOf(report, 'elevation-of-privilege.container.running-as-root@python').outcome).toMatchObject({
        status: 'unsupported',
        reason: expect.stringContaining('container-isolation'),
      });
      // Each env-canary case had a container of its own; the engine saw each one created and destroyed.
      const events = await containerEvents(pid, since, until);
      const created = events.filter((e) => e.action === 'create').map((e) => e.id);
      expect(created.length).toBeGreaterThanOrEqual(2);
      expect(
        events
          .filter((e) => e.action === 'destroy')
          .map((e) => e.id)
          .sort(),
      ).toEqual([...created].sort());
      expect(await containersOwnedBy(pid)).toEqual([]);
    },
    180_000,
  );

  it(
    'a weakened executor image (a named target of gauntlet.config.json) leaks both canaries ' +
      'from inside its container',
    async () => {
      const out = join(dir, 'weakened');
      const run = await runCli(
        [
          'run',
          '--profile',
          'none',
          '--no-fuzz',
          ...GRACE,
          '--target',
          'weakened',
          ...SELECTION.slice(0, 2).flatMap((re) => ['--grep', re]),
          '--output',
          out,
        ],
        { cwd: dir, deadlineMs: 170_000 },
      );
      expect(run.code, run.stdout + run.stderr).toBe(1);
      const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as Report;
      expect(report.target).toMatchObject({ name: 'weakened', transport: 'docker' });
      expect(caseOf(report, 'information-disclosure.env.host-env@javascript').outcome).toMatchObject({
        status: 'failed',
        findings: [expect.objectContaining({ oracle: 'no-canary-leak', canary: 'env' })],
      });
      expect(caseOf(report, 'information-disclosure.filesystem.host-file-read@javascript').outcome).toMatchObject({
        status: 'failed',
        findings: [expect.objectContaining({ oracle: 'no-canary-leak', canary: 'file' })],
      });
    },
    180_000,
  );

  it('removes its containers on Ctrl-C before it exits, and still writes the report', async () => {
    const out = join(dir, 'interrupted');
    const { child, exited, output } = await runHoldingContainer(corpus, out);
    child.kill('SIGINT');
    expect(await exited, output()).toBe(2);
    expect(await containersOwnedBy(child.pid)).toEqual([]);
    const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as Report;
    expect(report.harnessErrors.map((e) => e.code)).toContain('INTERRUPTED');
  }, 120_000);

  it('reaps the containers of a killed harness at the next start', async () => {
    const { child, exited } = await runHoldingContainer(corpus, join(dir, 'killed'));
    // 1. SIGKILL leaves the harness no chance to clean up: its container outlives it.
    child.kill('SIGKILL');
    await exited;
    const leftovers = (await containersOwnedBy(child.pid)).map((c) => c.Id);
    expect(leftovers.length).toBeGreaterThan(0);
    // 2. The next run against a docker target reaps them before it starts its own.
    const next = await runCli([
      'run',
      '--profile',
      'none',
      '--no-fuzz',
      ...GRACE,
      '--target',
      TARGET,
      '--scenarios',
      corpus,
      '--grep',
      'docker\\.quick',
      '--output',
      join(dir, 'next'),
    ]);
    expect(next.code, next.stdout + next.stderr).toBe(0);
    for (const id of leftovers)
      expect(
        await docker
          .getContainer(id)
          .inspect()
          .then(
            () => 'still there',
            () => 'gone',
          ),
        id,
      ).toBe('gone');
  }, 120_000);
});

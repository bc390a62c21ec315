import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../src/report/generated/types.js';
import { runCli } from '../src/testing/run-cli.js';
import { AdapterClient } from './testing/adapter-client.js';

const FIXTURES = 'adapters/testing/known-weak';

/** Each case of a report as [id, status], plus its first finding's oracle and channel. */
function outcomes(report: Report): Record<string, { status: string; finding?: string }> {
  // The finding is named by its oracle and the channel that showed it.
  return Object.fromEntries(
    report.cases.map((c) => {
      const finding = c.outcome.status === 'failed' ? c.outcome.findings[0] : undefined;
      return [
        c.case.id,
        { status: c.outcome.status, ...(finding ? { finding: `${finding.oracle} ${finding.channel}` } : {}) },
      ];
    }),
  );
}

describe('known-weak executors come out weak, with evidence', () => {
  let out: string;
  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'gauntlet-adapters-'));
  });
  afterAll(async () => {
    await rm(out, { recursive: true, force: true });
  });

  async function run(target: string, dir: string): Promise<{ code: number | null; report: Report; stdout: string }> {
    const result = await runCli(
      [
        'run',
        '--profile',
        'none',
        '--no-fuzz',
        '--target',
        target,
        '--scenarios',
        FIXTURES,
        '--output',
        join(out, dir),
      ],
      { deadlineMs: 240_000 },
    );
    const report = JSON.parse(await readFile(join(out, dir, 'report.json'), 'utf8')) as Report;
    return { code: result.code, report, stdout: result.stdout };
  }

  const nodeVmLeaks =
    'node:vm: the constructor chain reaches process and leaks the executor environment; ' +
    'an escape that exits the executor is a finding and the run goes on';
  it(
    nodeVmLeaks,
    async () => {
      const { code, report } = await run('adapter:node-vm', 'node-vm');
      expect(code).toBe(1);
      expect(report.target.initialize?.executorInfo).toMatchObject({ name: 'node:vm', version: process.versions.node });
      expect(outcomes(report)).toEqual({
        'elevation-of-privilege.constructor-chain-process@javascript': {
          status: 'failed',
          finding: 'no-canary-leak stdout',
        },
        'elevation-of-privilege.process-exit-kills-executor@javascript': {
          status: 'failed',
          finding: expect.stringMatching(/ executor-process$/) as string,
        },
        'elevation-of-privilege.pyodide-js-process@python': { status: 'unsupported' },
      });
    },
    240_000,
  );

  it('plain Pyodide in Node: Python reaches process through the js module', async () => {
    const { code, report } = await run('adapter:pyodide', 'pyodide');
    expect(code).toBe(1);
    expect(report.target.initialize?.executorInfo.name).toBe('pyodide');
    expect(outcomes(report)['elevation-of-privilege.pyodide-js-process@python']).toEqual({
      status: 'failed',
      finding: 'no-canary-leak stdout',
    });
  }, 240_000);

  it('the reference executor resists the same three attacks', async () => {
    const { code, report } = await run('reference', 'reference');
    expect(code).toBe(0);
    expect(Object.values(outcomes(report)).map((o) => o.status)).toEqual(['passed', 'passed', 'passed']);
  }, 240_000);

  it('an unknown adapter is a clear configuration error, not a crash', async () => {
    const result = await runCli([
      'run',
      '--no-fuzz',
      '--target',
      'adapter:no-such-sandbox',
      '--scenarios',
      FIXTURES,
      '--output',
      join(out, 'unknown'),
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown adapter "no-such-sandbox"');
  });
});

describe('bubblewrap where namespaces cannot be created', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gauntlet-fake-bwrap-'));
    // Answers --version like bwrap, then fails every sandbox the way bwrap does without user namespaces.
    await writeFile(
      join(dir, 'bwrap'),
      '#!/bin/sh\nif [ "$1" = --version ]; then echo "bubblewrap 0.8.0"; exit 0; fi\n' +
        'echo "bwrap: No permissions to create new namespace" >&2\nexit 1\n',
    );
    await chmod(join(dir, 'bwrap'), 0o755);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('says so at initialize and runs nothing, rather than running the code unsandboxed', async () => {
    const client = new AdapterClient('bubblewrap', { GAUNTLET_BWRAP: join(dir, 'bwrap') });
    try {
      const init = await client.initialize();
      expect(init.executorInfo.description).toMatch(
        /^UNAVAILABLE on this machine.*No permissions to create new namespace/,
      );
      const result = await client.execute('python', 'print("ran")');
      expect(result.status).toBe('error');
      expect(result.stdout.text).toBe('');
      if (result.status === 'error')
        expect(result.error).toMatchObject({
          type: 'internal',
          message: expect.stringContaining('unavailable') as string,
        });
    } finally {
      await client.close();
    }
  }, 60_000);
});

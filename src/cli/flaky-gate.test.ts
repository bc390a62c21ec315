import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../report/generated/types.js';
import { runCli } from '../testing/run-cli.js';

const ROOT = join(import.meta.dirname, '../..');
const scripted = `stdio:node ${join(ROOT, 'dist/src/testing/fixtures/scripted-executor-main.js')}`;

/** Leaks the file canary on the executor's first execution only, so a retry passes: flaky. */
const FLAKY = `id: information-disclosure.flaky.leak-once
title: flaky gate test leak-once
description: Leaks a canary on its first attempt only, so that a retry passes.
stride: information-disclosure
severity: high
securitySeverity: 8
classification: { cwe: [CWE-200] }
canaries: [file]
payloads:
  javascript: |
    print {{proof}}
    once file {{canary.file.path}} > stdout
expect: [{ oracle: no-canary-leak }]
calibration: { failsWith: [{ executor: wide-open }] }
remediation: Not applicable, this scenario exists for a test.
`;

describe('a flaky case, in run and in merge', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gauntlet-flaky-'));
    const file = join(dir, 'scenarios/information-disclosure/flaky/leak-once.yaml');
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, FLAKY);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  for (const flags of [[], ['--fail-on-flaky']]) {
    it(`gets the same gate from both${flags.length ? ' with --fail-on-flaky' : ''}`, async () => {
      const out = join(dir, `run${flags.length}`);
      const run = await runCli(
        [
          'run',
          '--profile',
          'none',
          '--no-fuzz',
          '--target',
          scripted,
          '--scenarios',
          join(dir, 'scenarios'),
          '--retries',
          '2',
          '--reporter',
          'json',
          '--output',
          out,
          ...flags,
        ],
        { deadlineMs: 200_000 },
      );
      const ran = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as Report;
      expect(
        ran.cases.map((c) => c.outcome.status),
        run.stderr,
      ).toEqual(['flaky']);
      const merge = await runCli([
        'merge',
        join(out, 'report.json'),
        '--reporter',
        'json',
        '--output',
        join(dir, `merged${flags.length}`),
        ...flags,
      ]);
      const merged = JSON.parse(await readFile(join(dir, `merged${flags.length}`, 'report.json'), 'utf8')) as Report;
      // Flaky cases pass the gate unless --fail-on-flaky asks otherwise, in run and merge alike.
      expect(ran.gate.passed).toBe(flags.length === 0);
      expect(merged.gate.passed).toBe(ran.gate.passed);
      expect(merged.gate.reasons).toEqual(ran.gate.reasons);
      expect(merge.code).toBe(run.code);
      if (flags.length) expect(ran.gate.reasons.join('\n')).toContain('no-flaky');
    }, 240_000);
  }
});

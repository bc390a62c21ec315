import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../report/generated/types.js';
import { runCli } from '../../testing/run-cli.js';

const ROOT = join(import.meta.dirname, '../../..');
const scripted = `stdio:node ${join(ROOT, 'dist/src/testing/fixtures/scripted-executor-main.js')}`;

/** A scenario whose cancel waits 1 s for code that, the first time, takes 3 s to show its proof. */
function scenario(id: string, script: string): string {
  return `id: denial-of-service.cancel-test.${id}
title: cancel test ${id}
description: The harness cancels its own execution after a pause; the code shows its proof late.
stride: denial-of-service
severity: low
securitySeverity: 3
classification: { cwe: [CWE-400] }
requires: { capabilities: [cancel] }
canaries: []
payloads:
  javascript: |
${script
  .split('\n')
  .map((line) => `    ${line}`)
  .join('\n')}
steps:
- { id: run, background: true, deadlineMs: 30000 }
- { id: cancel, action: cancel, execution: '{{execution.run.id}}', afterMs: 1000 }
expect:
- { oracle: error-type-is, step: run, types: [cancelled] }
calibration: { failsWith: [{ executor: wide-open }] }
remediation: Not applicable, this scenario exists for a test.
`;
}

describe("a cancel of the harness's own that overtakes the code", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gauntlet-cancel-pause-'));
    const files = {
      'slow-start': scenario('slow-start', 'until 2 sleep 3000\nprint {{proof}}\nsleep 60000'),
      'never-shows': scenario('never-shows', 'sleep 60000\nprint {{proof}}'),
    };
    for (const [name, text] of Object.entries(files)) {
      const file = join(dir, `scenarios/denial-of-service/cancel-test/${name}.yaml`);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, text);
    }
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('runs the steps again with longer pauses, and never passes code that was never seen to run', async () => {
    const out = join(dir, 'run');
    const run = await runCli(
      ['run', '--profile', 'none', '--no-fuzz', '--target', scripted, '--scenarios', join(dir, 'scenarios')].concat([
        '--reporter',
        'json',
        '--output',
        out,
      ]),
      { deadlineMs: 120_000 },
    );
    const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as Report;
    const status = Object.fromEntries(report.cases.map((c) => [c.case.id, c.outcome]));
    // A slow start costs the executor nothing: the second run, with a 2 s pause, saw the proof.
    expect(status['denial-of-service.cancel-test.slow-start@javascript'], run.stderr).toMatchObject({
      status: 'passed',
    });
    // Code cancelled before it ever shows its proof errors after the last pause (1, 2, then 4 s), never passes.
    expect(status['denial-of-service.cancel-test.never-shows@javascript']).toMatchObject({
      status: 'errored',
      reason: expect.stringContaining('positive control missing'),
    });
  }, 150_000);
});

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../report/generated/types.js';
import { runCli } from '../../testing/run-cli.js';

const ROOT = join(import.meta.dirname, '../../..');
const FIXTURE = join(ROOT, 'dist/src/testing/fixtures/bare-vm-executor-main.js');
const MISSING_API = /(btoa|atob|TextEncoder|TextDecoder|setTimeout|setInterval) is not defined/;

describe('the JavaScript catalogue on a sandbox without host APIs', () => {
  it('never passes a case whose payload died on a missing API before its attack point', async () => {
    const out = await mkdtemp(join(tmpdir(), 'gauntlet-bare-vm-'));
    try {
      const run = await runCli(
        [
          'run',
          '--target',
          `stdio:node ${FIXTURE}`,
          '--profile',
          'none',
          '--no-fuzz',
          '--grep',
          '@javascript',
          '--workers',
          '2',
          '--output',
          out,
          '--reporter',
          'json',
        ],
        { deadlineMs: 240_000 },
      );
      const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as Report;
      // The fixture runs code (cases pass on it) and really lacks the APIs (payloads die on them).
      expect(report.cases.filter((c) => c.outcome.status === 'passed').length, run.stderr).toBeGreaterThan(20);
      const died = report.cases.filter((c) =>
        c.attempts.some((a) => a.steps.some((s) => 'detail' in s && MISSING_API.test(String(s.detail)))),
      );
      expect(died.length).toBeGreaterThanOrEqual(3);
      expect(
        died
          .filter((c) => c.outcome.status === 'passed')
          .map((c) => `${c.case.id}: ${JSON.stringify(c.attempts.at(-1)?.steps)}`),
      ).toEqual([]);
      for (const c of died) expect(['errored', 'failed'], c.case.id).toContain(c.outcome.status);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  }, 260_000);

  it('leaves a case unsupported, never run, when the executor declares an API its payload needs absent', async () => {
    const out = await mkdtemp(join(tmpdir(), 'gauntlet-bare-vm-'));
    try {
      const grep = 'secret-base64|secret-hex|timer-after-return|stdout-flood|host-env|tcp-exfiltration';
      const target = `stdio:node ${FIXTURE} --declare-absent`;
      const selection = ['--no-fuzz', '--grep', grep, '--language', 'javascript'];
      const run = ['run', '--target', target, '--profile', 'none', ...selection];
      await runCli([...run, '--output', out, '--reporter', 'json'], { deadlineMs: 120_000 });
      const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as Report;
      const status = Object.fromEntries(report.cases.map((c) => [c.case.id.split('@')[0]!, c.outcome]));
      // btoa, TextEncoder, setTimeout and process are declared by these scenarios and absent here.
      const needing = [
        'information-disclosure.output.secret-base64',
        'information-disclosure.output.secret-hex',
        'denial-of-service.time.timer-after-return',
        'denial-of-service.output.stdout-flood',
      ];
      for (const id of needing) {
        expect(status[id]?.status, id).toBe('unsupported');
        expect(JSON.stringify(status[id]), id).toMatch(/sandbox has no /);
      }
      // Scenarios whose payloads only attempt those APIs still run, and no run case dies on one.
      expect(status['information-disclosure.env.host-env']?.status).toBe('passed');
      expect(status['information-disclosure.network.tcp-exfiltration']?.status).toBe('passed');
      const diedOnApi = (c: Report['cases'][number]) =>
        c.attempts.some((a) => a.steps.some((s) => 'detail' in s && MISSING_API.test(String(s.detail))));
      expect(report.cases.filter(diedOnApi).map((c) => c.case.id)).toEqual([]);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  }, 140_000);
});

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealReport } from '../report/seal-report.js';
import { liveMarkdown } from '../testing/live-markdown.js';
import type { InitializeResult } from '../protocol/generated/types.js';
import { fixtureReport } from '../testing/fixtures/reports/fixture-report.js';
import { runCli } from '../testing/run-cli.js';

const HOSTILE = '![p](http://127.0.0.1:9/x.png) **GATE PASSED 100%**';

describe('gauntlet compare with an executor that names itself in Markdown', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gauntlet-compare-'));
    const report = fixtureReport({ target: `<b>${HOSTILE}</b>`, statusOf: (i) => (i % 2 ? 'failed' : 'passed') });
    const initialize = JSON.parse(
      await readFile(
        join(import.meta.dirname, '../../schemas/protocol/examples/valid/InitializeResult/reference-executor.json'),
        'utf8',
      ),
    ) as InitializeResult;
    report.target.initialize = {
      ...initialize,
      executorInfo: { ...initialize.executorInfo, name: HOSTILE, version: '[v](http://127.0.0.1:9/) <img src=x>' },
    };
    await writeFile(join(dir, 'hostile.json'), JSON.stringify(sealReport(report)));
  }, 240_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints Markdown with no live image, link, HTML or emphasis from the report', async () => {
    const run = await runCli(['compare', join(dir, 'hostile.json')]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    const carrying = lines.filter((l) => l.includes('GATE PASSED'));
    expect(carrying.length).toBeGreaterThanOrEqual(2);
    for (const line of carrying) {
      // The bullet's own bold around the target name is the only emphasis allowed.
      expect(liveMarkdown(line.replace(/^- \*\*(.*?)\*\*:/, '- $1:')), line).toEqual([]);
      expect(line).not.toMatch(/(?<!\\)!(?<!\\)\[/);
    }
    expect(run.stdout).toContain('\\!\\[p\\]\\(http\\://127.0.0.1\\:9/x.png\\) \\*\\*GATE PASSED 100%\\*\\*');
    await runCli(['compare', join(dir, 'hostile.json'), '--markdown', join(dir, 'card.md')]);
    expect(await readFile(join(dir, 'card.md'), 'utf8')).toBe(run.stdout);
  }, 240_000);
});

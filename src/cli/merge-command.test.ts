import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../report/generated/types.js';
import { runCli } from '../testing/run-cli.js';

const SEED = '5eed5eed5eed5eed';
/** A small selection with passing and failing cases: the fs-escape fault breaks file scenarios only. */
const RUN = [
  'run',
  '--target',
  'reference:fault=fs-escape',
  '--grep',
  'filesystem|network|env',
  '--language',
  'javascript',
  '--seed',
  SEED,
  '--workers',
  '2',
  '--reporter',
  'json',
];
const verdicts = (r: Report) => Object.fromEntries(r.cases.map((c) => [c.case.id, c.outcome.status]));

describe('gauntlet merge', () => {
  let out: string;
  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'gauntlet-merge-'));
  });
  afterAll(async () => {
    await rm(out, { recursive: true, force: true });
  });

  it('merging the reports of 3 shards gives the verdicts, summary and gate of the unsharded run', async () => {
    const full = await runCli([...RUN, '--output', join(out, 'full')], { deadlineMs: 300_000 });
    const whole = JSON.parse(await readFile(join(out, 'full/report.json'), 'utf8')) as Report;
    expect(whole.cases.length).toBeGreaterThanOrEqual(3);
    expect(new Set(whole.cases.map((c) => c.outcome.status))).toContain('failed');
    for (const i of [1, 2, 3]) {
      const shard = await runCli([...RUN, '--shard', `${i}/3`, '--output', join(out, `shard-${i}`)], {
        deadlineMs: 300_000,
      });
      expect([0, 1]).toContain(shard.code);
    }
    const merge = await runCli([
      'merge',
      ...[1, 2, 3].map((i) => join(out, `shard-${i}/report.json`)),
      '--output',
      join(out, 'merged'),
      '--reporter',
      'json',
      '--reporter',
      'junit',
      '--reporter',
      'sarif',
    ]);
    expect(merge.stderr).toBe('');
    expect(merge.code).toBe(full.code);
    const merged = JSON.parse(await readFile(join(out, 'merged/report.json'), 'utf8')) as Report;
    expect(verdicts(merged)).toEqual(verdicts(whole));
    expect(merged.summary).toEqual(whole.summary);
    expect(merged.gate.passed).toBe(whole.gate.passed);
    expect(merged.gate.reasons).toEqual(whole.gate.reasons);
    expect(merged.options.shard).toBeUndefined();
    await expect(readFile(join(out, 'merged/junit.xml'), 'utf8')).resolves.toContain('<testsuites');
  }, 900_000);

  it('exits 2 when a shard is missing or given twice', async () => {
    const missing = await runCli([
      'merge',
      join(out, 'shard-1/report.json'),
      join(out, 'shard-2/report.json'),
      '--output',
      join(out, 'partial'),
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('shard 3 of 3 missing from the merge');
    const twice = await runCli([
      'merge',
      join(out, 'shard-1/report.json'),
      join(out, 'shard-1/report.json'),
      '--output',
      join(out, 'twice'),
    ]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('shards must not overlap');
  });
});

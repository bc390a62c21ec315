import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../report/generated/types.js';
import { runCli } from '../testing/run-cli.js';

/** A moderate selection mixing cases that exhaust the sandbox (descriptors, disk, time) with cases that need it intact (network, secrets). */
const SELECTION = ['--grep', 'exfiltration|secret-plain|host-env|infinite-loop|promise-species|fd-exhaustion|disk-fill|never-resolving|function-constructor', '--language', 'javascript', '--no-fuzz'];
const SEED = ['--seed', '00112233445566778899aabbccddeeff'];

async function verdicts(target: string, shuffle: string, dir: string): Promise<{ order: string[]; verdicts: Record<string, string> }> {
  const list = await runCli(['run', '--profile', 'none', '--target', target, ...SELECTION, ...SEED, '--shuffle', shuffle, '--list']);
  const order = list.stdout.split('\n').filter((line) => line.includes('@javascript')).map((line) => line.split(/\s+/)[0]!);
  const out = join(dir, `${target.replace(/\W/g, '-')}-${shuffle}`);
  await runCli(['run', '--profile', 'none', '--target', target, ...SELECTION, ...SEED, '--shuffle', shuffle, '--workers', '2', '--output', out], { deadlineMs: 240_000 });
  const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as Report;
  return { order, verdicts: Object.fromEntries(report.cases.map((c) => [c.case.id, c.outcome.status])) };
}

describe('a verdict does not depend on the cases run before it', () => {
  for (const target of ['reference', 'adapter:vm2']) {
    it(`${target}: two shuffled orders of one selection give identical verdicts`, async () => {
      const dir = await mkdtemp(join(tmpdir(), 'gauntlet-order-'));
      try {
        const first = await verdicts(target, 'order-one', dir);
        const second = await verdicts(target, 'order-two', dir);
        expect(first.order.length).toBeGreaterThanOrEqual(10);
        expect([...first.order].sort()).toEqual([...second.order].sort());
        expect(first.order).not.toEqual(second.order);
        expect(Object.keys(first.verdicts).sort()).toEqual([...first.order].sort());
        expect(second.verdicts).toEqual(first.verdicts);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }, 400_000);
  }
});

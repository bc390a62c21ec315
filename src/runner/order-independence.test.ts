import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../report/generated/types.js';
import { runCli } from '../testing/run-cli.js';

const JS_GREP = [
  'exfiltration|secret-plain|host-env|infinite-loop|promise-species',
  'fd-exhaustion|disk-fill|never-resolving|function-constructor',
].join('|');

/**
 * Per target, a moderate selection mixing cases that leave the sandbox changed (descriptors, disk,
 * time; for Pyodide's one shared interpreter, hooked print, stdout and module functions) with
 * cases that need it intact (network, secrets, environment). Pyodide declares no wall-time limit,
 * so its exhausting cases are unsupported there; the interpreter hooks are what it can keep. Each
 * hook costs a replacement executor, and a Pyodide start takes seconds, so three hooks suffice.
 */
const SELECTIONS: Record<string, { language: string; grep: string }> = {
  reference: { language: 'javascript', grep: JS_GREP },
  'adapter:vm2': { language: 'javascript', grep: JS_GREP },
  'adapter:pyodide': {
    language: 'python',
    grep: 'exfiltration|secret-plain|host-env|print-hook|stdout-wrapper|attribute-hijack',
  },
};
const SEED = ['--seed', '00112233445566778899aabbccddeeff'];

interface OrderRun {
  order: string[];
  verdicts: Record<string, string>;
  /** Cases the report holds responsible for leaving the executor unhealthy. */
  unhealthy: string[];
}

async function verdicts(target: string, shuffle: string, dir: string): Promise<OrderRun> {
  const { language, grep } = SELECTIONS[target]!;
  const selection = ['--grep', grep, '--language', language, '--no-fuzz'];
  const list = await runCli([
    'run',
    '--profile',
    'none',
    '--target',
    target,
    ...selection,
    ...SEED,
    '--shuffle',
    shuffle,
    '--list',
  ]);
  const order = list.stdout
    .split('\n')
    .filter((line) => line.includes(`@${language}`))
    .map((line) => line.split(/\s+/)[0]!);
  const out = join(dir, `${target.replace(/\W/g, '-')}-${shuffle}`);
  const run = ['run', '--profile', 'none', '--target', target, ...selection, ...SEED, '--shuffle', shuffle];
  await runCli([...run, '--workers', '2', '--output', out], { deadlineMs: 240_000 });
  const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as Report;
  const unhealthy = report.cases
    .filter((c) => JSON.stringify(c).includes('left the executor unhealthy'))
    .map((c) => c.case.id);
  return { order, verdicts: Object.fromEntries(report.cases.map((c) => [c.case.id, c.outcome.status])), unhealthy };
}

describe('a verdict does not depend on the cases run before it', () => {
  for (const target of Object.keys(SELECTIONS)) {
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
        // Pyodide keeps one interpreter per executor: the selection must have left one unhealthy,
        // or the test would not show that the replacement keeps later verdicts apart.
        if (target === 'adapter:pyodide') expect(first.unhealthy.length).toBeGreaterThan(0);
        expect([...second.unhealthy].sort()).toEqual([...first.unhealthy].sort());
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }, 500_000);
  }
});

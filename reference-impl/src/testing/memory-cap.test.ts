import { mkdirSync, readdirSync, rmdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExecuteResult, Language } from '../../../src/protocol/generated/types.js';
import { MemoryCgroupHost, ownMemoryCgroup, SANDBOX_CGROUP_PREFIX } from '../sandbox/memory-cgroup-host.js';
import { startExecutorUnderTest, type ExecutorUnderTest } from './executor-under-test.js';

const MiB = 1024 * 1024;
const CAP = 64 * MiB;
/**
 * The stated tolerance: what code may report holding beyond its cap. The kernel caps the
 * sandbox at the runtime's share when it became ready plus the cap; what the runtime later frees
 * of that share (garbage) the code may use, which is a few MiB at most. File pages are no part of
 * the share: the kernel reclaims them (this machine's reclaim within seconds), so counting them
 * gave code tens of MiB more when a sandbox's start-up had read the Pyodide snapshot from disk.
 */
const TOLERANCE = 4 * MiB;
const STEPS = [4, 8, 16, 32].map((n) => n * MiB);
const RUNS = 50;

/** Growth by kind: each allocation is `step` bytes the code touches, kept until the cap stops it. */
const JS_KINDS: Record<string, (step: number) => string> = {
  'array-buffer': (step) => `const b = new ArrayBuffer(${step}); new Uint8Array(b).fill(7); held.push(b);`,
  'typed-array': (step) => `const a = new Float64Array(${step / 8}); a.fill(1.5); held.push(a);`,
  'wasm-memory': (step) =>
    `memory.grow(${step / 65536}); new Uint8Array(memory.buffer).fill(7, total, total + ${step});`,
  string: (step) => `held.push(new TextDecoder().decode(new Uint8Array(${step}).fill(97 + (total / ${step}) % 26)));`,
};
const PY_KINDS: Record<string, (step: number) => string> = {
  bytearray: (step) => `held.append(bytearray(b"\\x07") * ${step})`,
  'typed-array': (step) => `held.append(array.array("d", [1.5]) * ${step / 8})`,
  string: (step) => `held.append(chr(97 + len(held) % 26) * ${step})`,
  bytes: (step) => `held.append(bytes([len(held) % 256]) * ${step})`,
};

function javascript(kind: string, step: number): string {
  return [
    'const held = [];',
    'const memory = new WebAssembly.Memory({ initial: 0, maximum: 65536 });',
    'let total = 0;',
    `while (total < ${4 * CAP}) {`,
    `  ${JS_KINDS[kind]!(step)}`,
    `  total += ${step};`,
    '  console.log("held " + total);',
    '}',
    'console.log("past the cap");',
  ].join('\n');
}

function python(kind: string, step: number): string {
  return [
    'import array',
    'held = []',
    'total = 0',
    `while total < ${4 * CAP}:`,
    `    ${PY_KINDS[kind]!(step)}`,
    `    total += ${step}`,
    '    print("held", total, flush=True)',
    'print("past the cap")',
  ].join('\n');
}

/** The most the code said it held before it was stopped. */
function heldBytes(result: ExecuteResult): number {
  let most = 0;
  for (const match of result.stdout.text.matchAll(/held (\d+)/g)) most = Math.max(most, Number(match[1]));
  return most;
}

/**
 * Sandbox cgroups in `parent` made by the executor with process id `pid`. Only its own: the parent
 * is shared with every executor the other test files start, and the harness kills hung weakened
 * ones whose cgroups wait for the next executor's start to be swept.
 */
function cgroupsOf(parent: string, pid: number): string[] {
  return readdirSync(parent).filter((name) => name.startsWith(`${SANDBOX_CGROUP_PREFIX}${pid}-`));
}

const parent = ownMemoryCgroup();
const support = MemoryCgroupHost.open(undefined);
if (support.kind === 'hard') await support.host.close();

/**
 * The reference's memory cap is the kernel's: a memory cgroup per sandbox. Fast growth of every
 * kind stays within the cap plus the stated tolerance, execution after execution; initialize
 * says hard only when that cgroup exists.
 */
describe.skipIf(support.kind !== 'hard')('the reference executor under a kernel memory cap', () => {
  let executor: ExecutorUnderTest;
  beforeAll(async () => {
    executor = await startExecutorUnderTest({ args: ['--warm', 'python=0', '--warm', 'javascript=0'] });
  });
  afterAll(async () => {
    const pid = executor?.pid();
    await executor?.close();
    // Every sandbox cgroup of this executor went with its sandbox, or with the executor at the latest.
    expect(pid).toBeDefined();
    expect(cgroupsOf(parent!, pid!)).toEqual([]);
  });

  it('declares memory hard and says the kernel caps it', () => {
    expect(executor.info.capabilities.limits.memory).toBe('hard');
    expect(executor.info.executorInfo.description).toMatch(/memory cgroup/);
  });

  it('stops one allocation far past the cap, which no watch could see in time', { timeout: 60_000 }, async () => {
    for (const language of ['javascript', 'python'] as const) {
      const code =
        language === 'python'
          ? `b = bytearray(${4 * CAP})\nprint("held", len(b))`
          : `const b = new Uint8Array(${4 * CAP}); b.fill(7); console.log("held " + b.length);`;
      const result = await executor.execute(language, code, { policy: { memoryBytes: CAP } });
      expect(heldBytes(result), `${language}: ${result.stdout.text}`).toBe(0);
      expect(result, language).toMatchObject({
        status: 'error',
        error: { type: 'resource', limit: { kind: 'memory', configured: CAP } },
      });
    }
  });

  for (const [language, kinds, codeOf] of [
    ['javascript', JS_KINDS, javascript],
    ['python', PY_KINDS, python],
  ] as const) {
    it(
      `keeps ${language} growth of every kind within the cap plus ${TOLERANCE / MiB} MiB, ${RUNS} executions in a row`,
      { timeout: 900_000 },
      async () => {
        const names = Object.keys(kinds);
        const worst: string[] = [];
        for (let i = 0; i < RUNS; i++) {
          const kind = names[i % names.length]!;
          const step = STEPS[Math.floor(i / names.length) % STEPS.length]!;
          const result = await executor.execute(language as Language, codeOf(kind, step), {
            policy: { memoryBytes: CAP, wallTimeMs: 30_000 },
          });
          const held = heldBytes(result);
          const label = `${language} ${kind} in ${step / MiB} MiB steps (run ${i + 1}): held ${held / MiB} MiB`;
          worst.push(label);
          expect(result.stdout.text, label).not.toContain('past the cap');
          expect(held, label).toBeLessThanOrEqual(CAP + TOLERANCE);
          expect(
            result.status === 'error' && result.error,
            `${label}: ${JSON.stringify(result.status === 'error' ? result.error : result.result)}`,
          ).toMatchObject({ type: 'resource', limit: { kind: 'memory', configured: CAP } });
        }
        expect(worst).toHaveLength(RUNS);
      },
    );
  }
});

describe('the reference executor without a memory cgroup', () => {
  it('declares memory soft and says why', { timeout: 60_000 }, async () => {
    const missing = join('/nonexistent', `cgroup-${process.pid}`);
    const executor = await startExecutorUnderTest({ args: ['--cgroup-root', missing, '--warm', 'python=0'] });
    try {
      expect(executor.info.capabilities.limits.memory).toBe('soft');
      expect(executor.info.executorInfo.description).toContain(`the cgroup folder ${missing} does not exist`);
      expect(await executor.execute('javascript', 'return 6 * 7')).toMatchObject({ status: 'ok', result: 42 });
    } finally {
      await executor.close();
    }
  });
});

describe.skipIf(support.kind !== 'hard')('sandbox cgroups left by an executor that died', () => {
  it('are removed when the next executor starts', { timeout: 60_000 }, async () => {
    // A pid above the kernel's maximum is never running.
    const stale = join(parent!, `${SANDBOX_CGROUP_PREFIX}99999999-sb-1`);
    mkdirSync(stale);
    try {
      const executor = await startExecutorUnderTest({ args: ['--warm', 'python=0'] });
      await executor.close();
      expect(readdirSync(parent!)).not.toContain(`${SANDBOX_CGROUP_PREFIX}99999999-sb-1`);
    } finally {
      try {
        rmdirSync(stale);
      } catch {
        // Removed by the executor, as it should be.
      }
    }
  });
});

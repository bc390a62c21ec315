import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TokenSource } from '../../canaries/token-source.js';
import { defaultPolicy } from '../../protocol/default-policy.js';
import type { FuzzContext, FuzzEnvironment } from './fuzz-context.js';
import { fuzzProof, withHiddenProofs } from './fuzz-proof.js';
import { defineProperty } from './fuzz-property.js';
import { held, notRun, type FuzzVerdict } from './fuzz-verdict.js';
import { runProperty } from './run-property.js';

const environment = {
  initialize: {} as FuzzEnvironment['initialize'],
  tenants: {} as FuzzEnvironment['tenants'],
  basePolicy: defaultPolicy,
} satisfies FuzzEnvironment;
const contextWith = (seed: string): FuzzContext => ({
  ...environment,
  graceMs: 0,
  signal: new AbortController().signal,
  connection: () => Promise.reject(new Error('unused')),
  discard: () => undefined,
  proofs: new TokenSource(seed, 'fuzz/test'),
});

describe('fuzz proofs of execution', () => {
  it('replay: the same seed and input give the same proof; another input, purpose or seed another one', () => {
    const input = { memoryMiB: 64, kind: 'js-heap', stepMiB: 8 };
    const proof = fuzzProof(contextWith('12345'), input, 'control', 'javascript');
    expect(proof.value).toMatch(/^\d{16}$/);
    expect(fuzzProof(contextWith('12345'), structuredClone(input), 'control', 'javascript')).toEqual(proof);
    expect(fuzzProof(contextWith('12345'), { ...input, stepMiB: 4 }, 'control', 'javascript').value).not.toBe(
      proof.value,
    );
    expect(fuzzProof(contextWith('12345'), input, 'past-limit', 'javascript').value).not.toBe(proof.value);
    expect(fuzzProof(contextWith('54321'), input, 'control', 'javascript').value).not.toBe(proof.value);
  });

  it('the value is computed by running the code, and absent from it', () => {
    for (let i = 0; i < 50; i++) {
      const proof = fuzzProof(contextWith(String(i)), { i }, 'control', 'javascript');
      const code = withHiddenProofs(`console.log(${proof.expression});`, proof);
      expect(code).not.toContain(proof.value);
      expect(new Function(`return ${proof.expression};`)()).toBe(proof.value);
    }
  });

  it('refuses code that spells its own proof', () => {
    const proof = fuzzProof(contextWith('1'), 'x', 'control', 'javascript');
    expect(() => withHiddenProofs(`console.log("${proof.value}");`, proof)).toThrow(
      /contains the value of its own proof of execution/,
    );
  });
});

describe('inputs whose code never ran', () => {
  const property = (verdict: (input: number) => FuzzVerdict) =>
    defineProperty<number>({
      name: 'probe',
      title: 'probe',
      stride: 'tampering',
      severity: 'low',
      tags: [],
      remediation: '-',
      runs: 5,
      arbitrary: () => fc.nat(100),
      check: async (input) => verdict(input),
    });

  it('are skipped, not held: fast-check draws other inputs until the runs are judged ones', async () => {
    const run = await runProperty(
      property((n) => (n % 2 === 0 ? notRun('not started') : held)),
      environment,
      contextWith('1'),
      { seed: 7, runs: 5, timeLimitMs: 10_000 },
    );
    expect(run).toMatchObject({ status: 'held', runs: 5 });
  });

  it('a property whose every input went unrun does not hold', async () => {
    const run = await runProperty(
      property(() => notRun('not started')),
      environment,
      contextWith('1'),
      { seed: 7, runs: 5, timeLimitMs: 10_000 },
    );
    expect(run.status).toBe('errored');
    expect(run.runs).toBe(0);
  });
});

import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { TokenSource } from '../canaries/token-source.js';
import type { Language } from '../protocol/generated/types.js';
import { assertProofsHidden, makeProof, proofShown } from './proof-of-execution.js';

const SEED = '00112233445566778899aabbccddeeff';
const proofsFor = (language: Language, count: number) =>
  Array.from({ length: count }, (_, i) => makeProof(new TokenSource(SEED, `case-${i}#1`), 'proof', language));

describe('proof of execution', () => {
  it('is replayable from the seed, differs per case and purpose, and never shows its value in its expression', () => {
    const a = makeProof(new TokenSource(SEED, 'x@javascript#1'), 'proof', 'javascript');
    expect(makeProof(new TokenSource(SEED, 'x@javascript#1'), 'proof', 'javascript')).toEqual(a);
    expect(makeProof(new TokenSource(SEED, 'x@javascript#2'), 'proof', 'javascript').value).not.toBe(a.value);
    expect(makeProof(new TokenSource(SEED, 'x@javascript#1'), 'proof.after', 'javascript').value).not.toBe(a.value);
    for (const language of ['javascript', 'typescript', 'python', 'shell'] as const) {
      for (const proof of proofsFor(language, 200)) {
        expect(proof.value).toMatch(/^\d{16}$/);
        expect(proof.expression).not.toContain(proof.value);
        expect(proof.expression).not.toContain(proof.value.slice(0, 8));
        expect(proof.expression).not.toContain(proof.value.slice(8));
      }
    }
  });

  it('varies its form with the seed, so no one pattern matches every proof', () => {
    const shapes = new Set(proofsFor('javascript', 60).map((p) => p.expression.replace(/\d+/g, 'N')));
    expect(shapes.size).toBeGreaterThan(10);
    expect(
      new Set(proofsFor('shell', 60).map((p) => p.expression.replace(/0x[0-9a-f]+|\d+/g, 'N'))).size,
    ).toBeGreaterThan(3);
    // Shell proofs are pure arithmetic: a command substitution would fork, which some sandboxes kill.
    for (const proof of proofsFor('shell', 200)) expect(proof.expression).toMatch(/^"(\$\(\([0-9a-fx +*^-]+\)\))+"$/);
  });

  it('computes its value when run by node, python3 and sh', () => {
    for (const proof of proofsFor('javascript', 30))
      expect(String(new Function(`return (${proof.expression});`)())).toBe(proof.value);
    const python = proofsFor('python', 30);
    const printed = execFileSync('python3', ['-c', python.map((p) => `print(${p.expression})`).join('\n')], {
      encoding: 'utf8',
      timeout: 10_000,
    })
      .trim()
      .split('\n');
    expect(printed).toEqual(python.map((p) => p.value));
    const shell = proofsFor('shell', 30);
    for (const sh of ['sh', 'bash']) {
      const out = execFileSync(sh, ['-c', shell.map((p) => `echo ${p.expression}`).join('\n')], {
        encoding: 'utf8',
        timeout: 10_000,
      })
        .trim()
        .split('\n');
      expect(out, sh).toEqual(shell.map((p) => p.value));
    }
  });

  it('is shown only by output holding the value, and code carrying the value is refused', () => {
    const proof = proofsFor('python', 1)[0]!;
    expect(proofShown(proof, `print(${proof.expression})`)).toBe(false);
    expect(proofShown(proof, 'nothing', `x${proof.value}\n`)).toBe(true);
    expect(() => assertProofsHidden(`print(${proof.expression})`, [proof])).not.toThrow();
    expect(() => assertProofsHidden(`print("${proof.value}")`, [proof], 'a.yaml')).toThrow(
      /contains the value of its own proof/,
    );
  });
});

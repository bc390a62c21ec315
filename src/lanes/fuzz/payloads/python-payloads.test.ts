import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TokenSource } from '../../../canaries/token-source.js';
import type { InitializeResult } from '../../../protocol/generated/types.js';
import { defaultPolicy } from '../../../protocol/default-policy.js';
import { makeProof } from '../../../scenarios/proof-of-execution.js';
import type { FuzzEnvironment } from '../fuzz-context.js';
import { limitMemory, type MemoryInput } from '../properties/limit-memory.js';
import { limitOutput, type OutputInput } from '../properties/limit-output.js';
import { limitWallTime, type WallTimeInput } from '../properties/limit-wall-time.js';
import { redaction, redactionCode, type RedactionInput } from '../properties/redaction.js';
import { memoryCode } from './memory-code.js';
import { outputCode } from './output-code.js';
import { pythonString } from './python-string.js';
import { loadCode, storeCode, swapGlobalCode } from './session-code.js';
import { wallTimeCode } from './wall-time-code.js';

const MiB = 1024 * 1024;
const initialize: InitializeResult = {
  protocolVersion: '1.0',
  executorInfo: { name: 'test', version: '0', isolation: 'process' },
  languages: [{ id: 'python' }],
  capabilities: {
    limits: { wallTime: 'hard', memory: 'hard', output: 'hard' },
    network: ['none'],
    filesystem: ['none', 'session'],
    outputModes: ['truncate', 'kill'],
    subprocesses: { canDeny: true, canAllow: false },
    sessions: { supported: true },
    tools: { supported: true, languages: ['python'] },
    audit: { supported: false, hashChain: false },
    redaction: {
      supported: true,
      encodings: ['base64', 'hex', 'url'],
      credentialShapes: ['aws-access-key', 'github-token', 'stripe-key', 'jwt', 'pem-private-key'],
      minSecretLength: 8,
    },
    cancel: false,
    maximums: {
      wallTimeMs: 60_000,
      memoryBytes: 1 << 30,
      stdoutBytes: MiB,
      stderrBytes: MiB,
      resultBytes: MiB,
      codeBytes: MiB,
      messageBytes: 16 * MiB,
    },
  },
};
const environment: FuzzEnvironment = {
  initialize,
  tenants: {} as FuzzEnvironment['tenants'],
  basePolicy: defaultPolicy,
  language: 'python',
};

/** The Python sources that fail to compile (top-level await allowed, as the dialect runs them), with their errors. */
function uncompilable(sources: readonly string[]): Array<{ index: number; error: string }> {
  const script = [
    'import ast, json, sys',
    'failures = []',
    'for index, source in enumerate(json.load(sys.stdin)):',
    '    try:',
    '        compile(source, "<fuzz>", "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)',
    '    except (SyntaxError, ValueError) as error:',
    '        failures.append({"index": index, "error": repr(error)})',
    'print(json.dumps(failures))',
  ].join('\n');
  return JSON.parse(
    execFileSync('/usr/bin/python3', ['-c', script], {
      input: JSON.stringify(sources),
      timeout: 60_000,
      maxBuffer: 64 * MiB,
    }).toString(),
  ) as Array<{ index: number; error: string }>;
}

/** Every Python payload the generators write for `runs` inputs of each property's arbitrary, over several seeds. */
function pythonSources(seed: number, runs: number): string[] {
  const proofs = (key: string) => {
    const tokens = new TokenSource(String(seed), `fuzz/test/${key}`);
    return { control: makeProof(tokens, 'control', 'python'), pastLimit: makeProof(tokens, 'past-limit', 'python') };
  };
  const sample = <T>(arbitrary: fc.Arbitrary<T>) => fc.sample(arbitrary, { seed, numRuns: runs });
  const sources: string[] = [];
  sample(limitWallTime.arbitrary(environment) as fc.Arbitrary<WallTimeInput>).forEach((input, i) =>
    sources.push(
      wallTimeCode(
        'python',
        { style: input.style, overrunMs: input.wallTimeMs * 3, announce: i % 2 === 0 },
        proofs(`w${i}`),
      ),
    ),
  );
  sample(limitMemory.arbitrary(environment) as fc.Arbitrary<MemoryInput>).forEach((input, i) =>
    sources.push(
      memoryCode(
        'python',
        { kind: input.kind, stepMiB: input.stepMiB, targetMiB: input.memoryMiB * 2 },
        proofs(`m${i}`),
      ),
    ),
  );
  sample(limitOutput.arbitrary(environment) as fc.Arbitrary<OutputInput>).forEach((input) =>
    sources.push(outputCode('python', { stream: input.stream, unit: input.unit, chars: 10, width: 3 })),
  );
  sample(redaction.arbitrary(environment) as fc.Arbitrary<RedactionInput>).forEach((input, i) =>
    sources.push(redactionCode(input, proofs(`r${i}`).control, 'python')),
  );
  // Keys and values of session commands, and text of every kind, through the literal they are written in.
  sample(
    fc.tuple(
      fc.string({ unit: 'binary', maxLength: 12 }),
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.constantFrom('global' as const, 'file' as const),
    ),
  ).forEach(([key, value, storage]) => {
    sources.push(
      storeCode('python', key, value, storage),
      loadCode('python', key, storage),
      swapGlobalCode('python', key, value),
    );
  });
  return sources;
}

describe('Python payloads of the fuzz properties', () => {
  it('compile, for every generated input over many seeds', () => {
    for (const seed of [1, 2, 3, 42, 1234, 99_999]) {
      const sources = pythonSources(seed, 60);
      expect(sources.length).toBeGreaterThan(250);
      const failures = uncompilable(sources);
      expect(failures.map((f) => `${f.error}\n${sources[f.index]!.slice(0, 400)}`)).toEqual([]);
    }
  }, 120_000);

  it('the check above can fail: a broken source is reported', () => {
    expect(uncompilable(['x = (', 'print(1)'])).toMatchObject([{ index: 0 }]);
  });

  it('a Python string literal gives back any text exactly, line breaks, quotes and lone surrogates included', () => {
    const texts = fc.sample(fc.string({ unit: 'binary', maxLength: 30 }), { seed: 7, numRuns: 200 });
    texts.push('a"b\\c\n\r\u2028\u0085\u0000', '\ud800x', '😀é中');
    const script =
      'import json, sys\nprint(json.dumps([' + texts.map(pythonString).join(', ') + '], ensure_ascii=True))';
    const back = JSON.parse(
      execFileSync('/usr/bin/python3', ['-c', script], { timeout: 30_000 }).toString(),
    ) as string[];
    expect(back).toEqual(texts);
  });
});

import type { ExecuteParams, ExecuteResult } from '../../protocol/generated/types.js';
import { okResult, type Adversary } from './serve-adversary.js';

const ALL = ['javascript', 'typescript', 'python', 'shell'] as const;

/** Runs nothing and answers every execution with an empty success. */
export const silentAdversary: Adversary = {
  name: 'silent',
  honestTenancy: false,
  languages: ALL,
  answer: (_params, id) => okResult(id, ''),
};

/** Runs nothing and answers with the code it was sent as its stdout, so every literal in it "comes back". */
export const echoAdversary: Adversary = {
  name: 'echo',
  honestTenancy: false,
  languages: ALL,
  answer: (params, id) => okResult(id, `${params.code}\n`),
};

/** Keyword guesses at the error an attack "should" end with, in the order an executor reports them. */
const guesses: readonly {
  pattern: RegExp;
  error: (params: ExecuteParams) => Extract<ExecuteResult, { status: 'error' }>['error'];
}[] = [
  {
    pattern: /while\s*\(\s*true|for\s*\(\s*;\s*;|while True|while :|sleep|setInterval|Atomics\.wait|busy/i,
    error: (p) => ({
      type: 'timeout',
      message: 'the execution ran out of its wall-time budget',
      limit: { kind: 'wall_time', configured: p.policy.wallTimeMs, observed: p.policy.wallTimeMs + 3 },
    }),
  },
  {
    pattern: /repeat\(|flood|\* \d{5,}|yes /i,
    error: (p) => ({
      type: 'output_limit',
      message: 'stdout passed its cap',
      limit: { kind: 'stdout', configured: p.policy.output.stdoutBytes, observed: p.policy.output.stdoutBytes + 1 },
    }),
  },
  {
    pattern: /alloc|Buffer|bytearray|memory|1024 \* 1024|fork|Worker|ulimit|\bopen\(/i,
    error: (p) => ({
      type: 'resource',
      message: 'the memory cap was hit',
      limit: { kind: 'memory', configured: p.policy.memoryBytes, observed: p.policy.memoryBytes + 4096 },
    }),
  },
];

/**
 * Runs nothing: echoes the code, and where keywords suggest a denial-of-service attack answers
 * the error an honest executor would give, with limit figures that look right. Tenancy and the
 * hash-chained audit log are honest (see serveAdversary).
 */
export const guessingAdversary: Adversary = {
  name: 'echo-guess-audit',
  honestTenancy: true,
  languages: ALL,
  answer(params, id) {
    const echoed = okResult(id, `${params.code}\n`);
    const guess = guesses.find((g) => g.pattern.test(params.code));
    if (!guess) return echoed;
    const { resultTruncated: _r, ...common } = echoed as Extract<ExecuteResult, { status: 'ok' }>;
    return { ...common, status: 'error', error: guess.error(params) };
  },
};

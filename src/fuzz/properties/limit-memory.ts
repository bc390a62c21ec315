import fc from 'fast-check';
import { describeAnswer } from '../ask-executor.js';
import type { FuzzContext } from '../fuzz-context.js';
import { observeExecution } from '../fuzz-execution.js';
import { defineProperty } from '../fuzz-property.js';
import { broken, held, inconclusive, type FuzzVerdict } from '../fuzz-verdict.js';
import { javascriptMissing } from './declared-languages.js';
import { limitProofs, type LimitProofs } from './limit-proofs.js';
import { proofShown } from '../../scenarios/proof-of-execution.js';
import { withHiddenProofs } from '../fuzz-proof.js';

const MiB = 1024 * 1024;
/** Where the payload keeps what it allocates: off the JS heap, on it, or in a WebAssembly memory. */
const KINDS = ['array-buffer', 'js-heap', 'wasm-memory'] as const;

export interface MemoryInput {
  memoryMiB: number;
  kind: (typeof KINDS)[number];
  stepMiB: number;
}

/** The most the code may report holding: its cap, plus one step and a quarter for a watch that polls. */
export function memoryTolerance(input: MemoryInput): number {
  return (input.memoryMiB * 1.25 + input.stepMiB) * MiB;
}

function codeOf(input: MemoryInput, proofs: LimitProofs): string {
  const target = (input.memoryMiB * 2 + 64) * MiB;
  const step = input.stepMiB * MiB;
  const allocate = {
    'array-buffer': `const b = new Uint8Array(${step}); b.fill(7); held.push(b);`,
    'js-heap': `const a = new Array(${step / 8}); for (let i = 0; i < a.length; i++) a[i] = i + 0.5; held.push(a);`,
    // An engine without WebAssembly (QuickJS) allocates array buffers instead: the cap is still what is tested.
    'wasm-memory': `if (memory) { memory.grow(${step / 65536}); new Uint8Array(memory.buffer).fill(7, total, total + ${step}); } else { const b = new Uint8Array(${step}); b.fill(7); held.push(b); }`,
  }[input.kind];
  return [
    `console.log(${proofs.control.expression});`,
    'const held = [];',
    `const memory = ${input.kind === 'wasm-memory' ? 'typeof WebAssembly === "object" ? new WebAssembly.Memory({ initial: 0, maximum: 65536 }) : undefined' : 'undefined'};`,
    'let total = 0;',
    `while (total < ${target}) {`,
    `  ${allocate}`,
    `  total += ${step};`,
    '  console.log("held " + total);',
    '}',
    `console.log(${proofs.pastLimit.expression});`,
    `return ${proofs.pastLimit.expression};`,
  ].join('\n');
}

/** The most the payload said it held before it was stopped. */
function heldBytes(stdout: string): number {
  let most = 0;
  for (const match of stdout.matchAll(/held (\d+)/g)) most = Math.max(most, Number(match[1]));
  return most;
}

/** One small execution: the executor must still work after a payload blew through its memory. */
async function probe(context: FuzzContext): Promise<FuzzVerdict> {
  const observed = await observeExecution(context, { principal: context.tenants.attacker, language: 'javascript', code: 'return 6 * 7;', policy: context.basePolicy });
  const { answer } = observed;
  if (answer.kind === 'result' && answer.result.status === 'ok' && answer.result.result === 42) return held;
  return broken('the executor did not survive a payload that hit its memory cap: the follow-up probe failed', { expected: 'the probe returns 42', observed: describeAnswer(answer) });
}

/**
 * Memory: for caps within the advertised range (bounded to keep the lane fast), code that
 * allocates (array buffers, JS heap, WebAssembly memory) in steps up to twice its cap must be
 * stopped with a resource error, having held no more than the cap plus tolerance by its own
 * count, and the executor must answer a probe afterwards.
 */
export const limitMemory = defineProperty<MemoryInput>({
  name: 'limit-memory',
  title: 'the memory cap stops the code near its cap, and the executor survives',
  stride: 'denial-of-service',
  severity: 'high',
  tags: ['fuzz', 'limits', 'memory'],
  remediation: 'Count every heap of the sandbox (array buffers and WebAssembly memory included) against the cap and stop the execution with a resource error when it is reached.',
  runs: 6,
  unsupportedReason: ({ initialize }) => (initialize.capabilities.limits.memory === 'none' ? 'the executor does not enforce memory' : javascriptMissing(initialize)),
  arbitrary({ initialize }) {
    const max = Math.floor(Math.min(192 * MiB, initialize.capabilities.maximums.memoryBytes) / MiB);
    return fc.record({
      memoryMiB: fc.integer({ min: Math.min(64, max), max }),
      kind: fc.constantFrom(...KINDS),
      stepMiB: fc.constantFrom(4, 8, 16),
    });
  },
  async check(input, context) {
    const cap = input.memoryMiB * MiB;
    const proofs = limitProofs(context, input, 'javascript');
    const observed = await observeExecution(context, {
      principal: context.tenants.attacker,
      language: 'javascript',
      code: withHiddenProofs(codeOf(input, proofs), proofs.control, proofs.pastLimit),
      policy: { ...context.basePolicy, memoryBytes: cap, wallTimeMs: 20_000, output: { ...context.basePolicy.output, stdoutBytes: 64 * 1024 } },
    });
    const { answer } = observed;
    if (answer.kind === 'no-answer' || answer.kind === 'closed') return broken(`code allocating past its ${input.memoryMiB} MiB cap took the executor down: ${describeAnswer(answer)}`, { expected: 'a resource error', observed: describeAnswer(answer) });
    if (answer.kind !== 'result') return inconclusive(`the execution gave no result: ${describeAnswer(answer)}`);
    const { result } = answer;
    const most = heldBytes(result.stdout.text);
    if (result.status === 'ok' || proofShown(proofs.pastLimit, result.stdout.text)) return broken(`code capped at ${input.memoryMiB} MiB allocated ${Math.round(most / MiB)} MiB (${input.kind}) and finished`, { expected: 'a resource error near the cap', observed: describeAnswer(answer) });
    if (!proofShown(proofs.control, result.stdout.text)) return inconclusive(`the payload never printed its proof of execution (${proofs.control.value}): ${describeAnswer(answer)}`);
    if (most > memoryTolerance(input)) return broken(`code capped at ${input.memoryMiB} MiB held ${Math.round(most / MiB)} MiB (${input.kind}) before it was stopped`, { expected: `at most ${Math.round(memoryTolerance(input) / MiB)} MiB`, observed: `${Math.round(most / MiB)} MiB` });
    if (result.error.type !== 'resource') return broken(`hitting the memory cap was reported as ${result.error.type}, not resource`, { expected: 'error type resource', observed: describeAnswer(answer) });
    return probe(context);
  },
});

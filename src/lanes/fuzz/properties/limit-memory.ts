import fc from 'fast-check';
import { describeAnswer } from '../ask-executor.js';
import type { FuzzContext } from '../fuzz-context.js';
import { observeExecution } from '../fuzz-execution.js';
import { defineProperty } from '../fuzz-property.js';
import { broken, held, inconclusive, type FuzzVerdict } from '../fuzz-verdict.js';
import { limitProofs } from './limit-proofs.js';
import { proofShown } from '../../../scenarios/proof-of-execution.js';
import { withHiddenProofs } from '../fuzz-proof.js';
import { MEMORY_KINDS, memoryCode, type MemoryKind } from '../payloads/memory-code.js';
import { dialectOf, DISTINCT_PAYLOAD_LANGUAGES, payloadLanguage } from '../payloads/payload-language.js';

const MiB = 1024 * 1024;

export interface MemoryInput {
  memoryMiB: number;
  kind: MemoryKind;
  stepMiB: number;
}

/** The most the code may report holding: its cap, plus one step and a quarter for a watch that polls. */
export function memoryTolerance(input: MemoryInput): number {
  return (input.memoryMiB * 1.25 + input.stepMiB) * MiB;
}

/** The most the payload said it held before it was stopped. */
function heldBytes(stdout: string): number {
  let most = 0;
  for (const match of stdout.matchAll(/held (\d+)/g)) most = Math.max(most, Number(match[1]));
  return most;
}

/** One small execution: the executor must still work after a payload blew through its memory. */
async function probe(context: FuzzContext): Promise<FuzzVerdict> {
  const language = payloadLanguage(context);
  const observed = await observeExecution(context, {
    principal: context.tenants.attacker,
    language,
    code: language === 'python' ? '6 * 7' : 'return 6 * 7;',
    policy: context.basePolicy,
  });
  const { answer } = observed;
  if (answer.kind === 'result' && answer.result.status === 'ok' && answer.result.result === 42) return held;
  return broken('the executor did not survive a payload that hit its memory cap: the follow-up probe failed', {
    expected: 'the probe returns 42',
    observed: describeAnswer(answer),
  });
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
  remediation:
    'Count every heap of the sandbox (array buffers and WebAssembly memory included) against the ' +
    'cap and stop the execution with a resource error when it is reached.',
  runs: 6,
  languages: DISTINCT_PAYLOAD_LANGUAGES,
  // A cap declared `none` is disclosed, not enforced (§4.3): the case does not apply, as in the scenarios (§4.4).
  unsupportedReason: ({ initialize }) =>
    initialize.capabilities.limits.memory === 'none'
      ? 'the executor declares no memory limit (capabilities.limits.memory: none)'
      : undefined,
  arbitrary(environment) {
    const { initialize } = environment;
    const max = Math.floor(Math.min(192 * MiB, initialize.capabilities.maximums.memoryBytes) / MiB);
    return fc.record({
      memoryMiB: fc.integer({ min: Math.min(64, max), max }),
      kind: fc.constantFrom<MemoryKind>(...MEMORY_KINDS[dialectOf(payloadLanguage(environment))]),
      stepMiB: fc.constantFrom(4, 8, 16),
    });
  },
  async check(input, context) {
    const cap = input.memoryMiB * MiB;
    const language = payloadLanguage(context);
    const proofs = limitProofs(context, input, language);
    const code = memoryCode(
      dialectOf(language),
      { kind: input.kind, stepMiB: input.stepMiB, targetMiB: input.memoryMiB * 2 + 64 },
      proofs,
    );
    const observed = await observeExecution(context, {
      principal: context.tenants.attacker,
      language,
      code: withHiddenProofs(code, proofs.control, proofs.pastLimit),
      policy: {
        ...context.basePolicy,
        memoryBytes: cap,
        wallTimeMs: 20_000,
        output: { ...context.basePolicy.output, stdoutBytes: 64 * 1024 },
      },
    });
    const { answer } = observed;
    if (answer.kind === 'no-answer' || answer.kind === 'closed')
      return broken(
        `code allocating past its ${input.memoryMiB} MiB cap took the executor down: ${describeAnswer(answer)}`,
        { expected: 'a resource error', observed: describeAnswer(answer) },
      );
    if (answer.kind !== 'result') return inconclusive(`the execution gave no result: ${describeAnswer(answer)}`);
    const { result } = answer;
    const most = heldBytes(result.stdout.text);
    if (result.status === 'ok' || proofShown(proofs.pastLimit, result.stdout.text))
      return broken(
        `code capped at ${input.memoryMiB} MiB allocated ${Math.round(most / MiB)} MiB (${input.kind}) and finished`,
        { expected: 'a resource error near the cap', observed: describeAnswer(answer) },
      );
    if (!proofShown(proofs.control, result.stdout.text))
      return inconclusive(
        `the payload never printed its proof of execution (${proofs.control.value}): ${describeAnswer(answer)}`,
      );
    if (most > memoryTolerance(input))
      return broken(
        `code capped at ${input.memoryMiB} MiB held ${Math.round(most / MiB)} MiB (${input.kind}) ` +
          `before it was stopped`,
        {
          expected: `at most ${Math.round(memoryTolerance(input) / MiB)} MiB`,
          observed: `${Math.round(most / MiB)} MiB`,
        },
      );
    if (result.error.type !== 'resource')
      return broken(`hitting the memory cap was reported as ${result.error.type}, not resource`, {
        expected: 'error type resource',
        observed: describeAnswer(answer),
      });
    return probe(context);
  },
});

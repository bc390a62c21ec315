import fc from 'fast-check';
import { ErrorCodes } from '../../../protocol/generated/error-codes.js';
import type { Maximums, Policy } from '../../../protocol/generated/types.js';
import { proofShown, type Proof } from '../../../scenarios/proof-of-execution.js';
import { askExecutor, describeAnswer } from '../ask-executor.js';
import type { FuzzEnvironment } from '../fuzz-context.js';
import { observeExecution } from '../fuzz-execution.js';
import { fuzzProof, withHiddenProofs } from '../fuzz-proof.js';
import { defineProperty } from '../fuzz-property.js';
import { broken, held, inconclusive } from '../fuzz-verdict.js';
import { answerDeadline } from '../../../runner/answer-deadline.js';

/** Source text that is unusual but valid (it must run as written, or be refused), or too large (refused). */
const CODE_KINDS = [
  'plain',
  'null-bytes',
  'lone-surrogate',
  'bom',
  'controls',
  'line-separators',
  'large',
  'above-maximum',
] as const;
/** Policy members with a numeric limit, as JSON pointers under /policy. */
const MEMBERS = [
  '/wallTimeMs',
  '/memoryBytes',
  '/output/stdoutBytes',
  '/output/stderrBytes',
  '/output/resultBytes',
  '/tools/0/timeoutMs',
] as const;
type Member = (typeof MEMBERS)[number];

export interface ValidationInput {
  code: { kind: (typeof CODE_KINDS)[number]; size: number };
  /** A policy value the executor must refuse, or none. */
  policy: { member: Member; fault: 'negative' | 'fractional' | 'above-maximum' | 'huge'; amount: number } | null;
}

/** The announcing tool: a call reaching the harness proves the code ran, whatever the executor answers. */
const RAN_TOOL = 'fz_ran';

/** The advertised maximum of a member. */
function maximumOf(member: Member, maximums: Maximums): number {
  switch (member) {
    case '/wallTimeMs':
      return maximums.wallTimeMs;
    case '/memoryBytes':
      return maximums.memoryBytes;
    case '/output/stdoutBytes':
      return maximums.stdoutBytes;
    case '/output/stderrBytes':
      return maximums.stderrBytes;
    case '/output/resultBytes':
      return maximums.resultBytes;
    case '/tools/0/timeoutMs':
      return maximums.toolTimeoutMs ?? 120_000;
  }
}

function badValue(input: NonNullable<ValidationInput['policy']>, maximums: Maximums): number {
  const max = maximumOf(input.member, maximums);
  switch (input.fault) {
    case 'negative':
      return -input.amount;
    case 'fractional':
      return Math.min(max, input.amount) - 0.5;
    case 'above-maximum':
      return max + input.amount;
    case 'huge':
      return 1e21 * input.amount;
  }
}

function withValue(policy: Policy, member: Member, value: number): Policy {
  const copy = structuredClone(policy) as unknown as Record<string, unknown>;
  const keys = member.split('/').slice(1);
  const last = keys.pop()!;
  let parent = copy;
  for (const key of keys) parent = parent[key] as Record<string, unknown>;
  parent[last] = value;
  return copy as unknown as Policy;
}

/** The code, and what it returns when it runs as written. */
function codeOf(input: ValidationInput, maximums: Maximums, proof: Proof): { code: string; expected: unknown } {
  const head = `await tools.${RAN_TOOL}({});\nconsole.log(${proof.expression});\n`;
  switch (input.code.kind) {
    case 'plain':
      return { code: `${head}return 6 * 7;`, expected: 42 };
    case 'null-bytes':
      return { code: `${head}const s = "a\u0000b\u0000";\nreturn s.length;`, expected: 4 };
    case 'lone-surrogate':
      return { code: `${head}const s = "x\ud800y";\nreturn s.length;`, expected: 3 };
    case 'bom':
      return { code: `\ufeff${head}return "bom";`, expected: 'bom' };
    case 'controls':
      return { code: `${head}// \u0001\u0002\u001b[31m\u0007\u007f\nreturn "controls";`, expected: 'controls' };
    case 'line-separators':
      return { code: `${head}const s = "a\u2028b\u2029c";\nreturn s.length;`, expected: 5 };
    case 'large': {
      const room = Math.max(0, maximums.codeBytes - 200);
      return {
        code: `${head}//${'x'.repeat(Math.max(0, room - input.code.size))}\nreturn "large";`,
        expected: 'large',
      };
    }
    case 'above-maximum':
      return {
        code: `${head}//${'x'.repeat(maximums.codeBytes + input.code.size)}\nreturn "too-large";`,
        expected: 'too-large',
      };
  }
}

/**
 * Input validation: unusual but valid code (NUL bytes, lone surrogates, a BOM, control
 * characters, line separators, large sources) runs as written or is refused with -32602; code
 * above the advertised maximum and policies with negative, fractional, above-maximum or huge
 * values are refused with -32602 (or -32004) and never run: the code announces itself with a
 * tool call, so a run the executor hides still reaches the harness. The executor must answer a
 * ping afterwards.
 */
export const inputValidation = defineProperty<ValidationInput>({
  name: 'input-validation',
  title: 'invalid code and policies are refused and never run; unusual valid code runs as written',
  stride: 'elevation-of-privilege',
  severity: 'high',
  tags: ['fuzz', 'validation', 'fail-closed'],
  remediation:
    'Validate every request against the schemas and the advertised maximums before anything runs, ' +
    'and refuse (-32602, or -32004 when unenforceable) rather than clamp or run under a weaker policy.',
  runs: 30,
  // Its unusual sources are JavaScript ones (the control characters sit in a JavaScript comment).
  languages: ['javascript'],
  unsupportedReason: ({ initialize }) =>
    initialize.capabilities.tools.supported ? undefined : 'the property needs host tools to observe that code ran',
  arbitrary(_environment: FuzzEnvironment) {
    return fc.record({
      // Megabyte-sized sources are costly to send and run: one input in ten.
      code: fc.record({
        kind: fc.oneof(
          {
            arbitrary: fc.constantFrom(...CODE_KINDS.filter((k) => k !== 'large' && k !== 'above-maximum')),
            weight: 9,
          },
          { arbitrary: fc.constantFrom<'large' | 'above-maximum'>('large', 'above-maximum'), weight: 1 },
        ),
        size: fc.integer({ min: 1, max: 4096 }),
      }),
      policy: fc.option(
        fc.record({
          member: fc.constantFrom(...MEMBERS),
          fault: fc.constantFrom<'negative' | 'fractional' | 'above-maximum' | 'huge'>(
            'negative',
            'fractional',
            'above-maximum',
            'huge',
          ),
          amount: fc.integer({ min: 1, max: 1_000_000 }),
        }),
        { freq: 2 },
      ),
    });
  },
  async check(input, context) {
    const { maximums } = context.initialize.capabilities;
    const proof = fuzzProof(context, input, 'control', 'javascript');
    const { code, expected } = codeOf(input, maximums, proof);
    withHiddenProofs(code, proof);
    let policy: Policy = {
      ...context.basePolicy,
      tools: [{ name: RAN_TOOL, inputSchema: { type: 'object' }, timeoutMs: 5000 }],
    };
    if (input.policy) policy = withValue(policy, input.policy.member, badValue(input.policy, maximums));
    const invalid = input.policy !== null || input.code.kind === 'above-maximum';
    const observed = await observeExecution(context, {
      principal: context.tenants.attacker,
      language: 'javascript',
      code,
      policy,
      tools: () => ({ value: 'noted' }),
      unvalidated: true,
      deadlineMs: answerDeadline(context.basePolicy.wallTimeMs, context.graceMs),
    });
    const { answer } = observed;
    const why = input.policy
      ? `a policy with ${input.policy.member} = ${badValue(input.policy, maximums)} (${input.policy.fault})`
      : `code of ${Buffer.byteLength(code)} bytes, over the maximum of ${maximums.codeBytes}`;
    // 1. What is invalid must be refused and must not run.
    if (invalid) {
      if (observed.toolCalls.length > 0)
        return broken(`${why} was not refused: the code ran (its tool call reached the harness)`, {
          expected: 'JSON-RPC error -32602 and nothing run',
          observed: describeAnswer(answer),
        });
      if (answer.kind === 'result')
        return broken(`${why} was accepted: the executor answered with a result`, {
          expected: 'JSON-RPC error -32602',
          observed: describeAnswer(answer),
        });
      if (answer.kind !== 'rpc-error')
        return broken(`${why} got no refusal: ${describeAnswer(answer)}`, {
          expected: 'JSON-RPC error -32602',
          observed: describeAnswer(answer),
        });
      if (answer.code !== ErrorCodes.InvalidParams && answer.code !== ErrorCodes.UnsupportedPolicy)
        return broken(`${why} was refused with the wrong error`, {
          expected: 'JSON-RPC error -32602 (or -32004)',
          observed: describeAnswer(answer),
        });
    } else if (answer.kind === 'result') {
      // 2. Valid code runs as written: its own answer, after announcing itself.
      const { result } = answer;
      if (result.status !== 'ok' || result.result !== expected)
        return broken(`${input.code.kind} code did not run as written`, {
          expected: JSON.stringify(expected),
          observed: describeAnswer(answer),
        });
      if (observed.toolCalls.length === 0 || !proofShown(proof, result.stdout.text))
        return inconclusive(
          `the code returned its value without announcing itself (a tool call and its proof of ` +
            `execution ${proof.value}): ${describeAnswer(answer)}`,
        );
    } else if (answer.kind !== 'rpc-error' || answer.code !== ErrorCodes.InvalidParams) {
      return broken(`${input.code.kind} code got neither a result nor a validation error`, {
        expected: `the result ${JSON.stringify(expected)} or JSON-RPC error -32602`,
        observed: describeAnswer(answer),
      });
    }
    // 3. The executor is still there.
    const ping = await askExecutor(await context.connection(), 'ping', {}, 10_000, context.signal);
    return ping.kind === 'result'
      ? held
      : broken(`after ${input.code.kind} code the executor stopped answering`, {
          expected: 'an answer to ping',
          observed: describeAnswer(ping),
        });
  },
});

import fc from 'fast-check';
import { describeAnswer } from '../ask-executor.js';
import { observeExecution } from '../fuzz-execution.js';
import { defineProperty } from '../fuzz-property.js';
import { broken, held, inconclusive } from '../fuzz-verdict.js';
import { outputCode } from '../payloads/output-code.js';
import { dialectOf, DISTINCT_PAYLOAD_LANGUAGES, payloadLanguage } from '../payloads/payload-language.js';

const KiB = 1024;
const MAX_WRITES = 200;
const STREAMS = ['stdout', 'stderr', 'result'] as const;
/** Characters of 1, 2 and 3 UTF-8 bytes: a cap must never split one, nor count characters for bytes. */
const UNITS = ['a', 'é', '中'] as const;

export interface OutputInput {
  stream: (typeof STREAMS)[number];
  capBytes: number;
  /** What the code writes, relative to the cap. */
  factor: number;
  /** Bytes per write (more when that would take over MAX_WRITES writes). */
  chunkBytes: number;
  unit: (typeof UNITS)[number];
  onExceed: 'truncate' | 'kill';
}

/** Characters the code writes: whole characters, about factor × cap bytes. */
function writtenChars(input: OutputInput): number {
  return Math.max(1, Math.floor((input.capBytes * input.factor) / Buffer.byteLength(input.unit)));
}

/**
 * Characters per line on stdout and stderr: at most MAX_WRITES writes, since many tiny writes measure the runtime's
 * speed, not the cap.
 */
function perLine(input: OutputInput): number {
  return Math.max(
    1,
    Math.floor(input.chunkBytes / Buffer.byteLength(input.unit)),
    Math.ceil(writtenChars(input) / MAX_WRITES),
  );
}

/**
 * The text the code writes: its result, or on stdout and stderr lines of whole characters, each ending in a newline.
 */
export function writtenText(input: OutputInput): string {
  const chars = writtenChars(input);
  if (input.stream === 'result') return input.unit.repeat(chars);
  const width = perLine(input);
  let text = '';
  for (let at = 0; at < chars; at += width) text += `${input.unit.repeat(Math.min(width, chars - at))}\n`;
  return text;
}

/**
 * Inputs every run checks, whatever the seed: on each stream, 3-byte characters past a cap that
 * splits one (the cut must fall on a character boundary, counted in bytes), and 2-byte characters
 * within the cap (they must come back whole).
 */
function multiByteExamples(modes: readonly OutputInput['onExceed'][]): OutputInput[] {
  const onExceed = modes.includes('truncate') ? 'truncate' : modes[0]!;
  return STREAMS.flatMap((stream): OutputInput[] => [
    { stream, capBytes: 100, factor: 3, chunkBytes: 64, unit: '中', onExceed },
    { stream, capBytes: 128, factor: 0.5, chunkBytes: 32, unit: 'é', onExceed },
  ]);
}

/**
 * Output caps: for caps within the advertised range (bounded to keep the lane fast), code that
 * writes below or above its cap on stdout, stderr or its result must get back exactly what it
 * wrote when it fits; when it does not, at most the cap in bytes as measured by the harness (a
 * prefix of what was written), flagged truncated and the code running on (truncate), or an
 * output_limit error (kill).
 */
export const limitOutput = defineProperty<OutputInput>({
  name: 'limit-output',
  title: 'output caps hold to the byte, as the harness measures what it receives',
  stride: 'denial-of-service',
  severity: 'medium',
  tags: ['fuzz', 'limits', 'output'],
  remediation:
    'Cap stdout, stderr and the serialised result at their configured sizes in bytes; truncate at a ' +
    'character boundary or stop the execution with an output_limit error.',
  runs: 25,
  languages: DISTINCT_PAYLOAD_LANGUAGES,
  // Caps declared `none` are disclosed, not enforced (§4.3): the case does not apply, as in the scenarios (§4.4).
  unsupportedReason: ({ initialize }) =>
    initialize.capabilities.limits.output === 'none'
      ? 'the executor declares no output caps (capabilities.limits.output: none)'
      : undefined,
  examples: ({ initialize }) => multiByteExamples(initialize.capabilities.outputModes),
  arbitrary({ initialize }) {
    const { maximums, outputModes } = initialize.capabilities;
    return fc.record({
      stream: fc.constantFrom(...STREAMS),
      capBytes: fc.integer({
        min: 16,
        max: Math.min(128 * KiB, maximums.stdoutBytes, maximums.stderrBytes, maximums.resultBytes),
      }),
      factor: fc.double({ min: 0.25, max: 4, noNaN: true }),
      chunkBytes: fc.integer({ min: 1, max: 16 * KiB }),
      unit: fc.constantFrom(...UNITS),
      onExceed: fc.constantFrom(...outputModes),
    });
  },
  async check(input, context) {
    const text = writtenText(input);
    const written = Buffer.byteLength(text);
    // JSON adds the quotes of a string result.
    const size = input.stream === 'result' ? written + 2 : written;
    const fits = size <= input.capBytes;
    const language = payloadLanguage(context);
    const key = input.stream === 'stdout' ? 'stdoutBytes' : input.stream === 'stderr' ? 'stderrBytes' : 'resultBytes';
    const observed = await observeExecution(context, {
      principal: context.tenants.attacker,
      language,
      code: outputCode(dialectOf(language), {
        stream: input.stream,
        unit: input.unit,
        chars: writtenChars(input),
        width: perLine(input),
      }),
      policy: {
        ...context.basePolicy,
        output: { ...context.basePolicy.output, [key]: input.capBytes, onExceed: input.onExceed },
      },
    });
    const { answer } = observed;
    if (answer.kind !== 'result') return inconclusive(`the execution gave no result: ${describeAnswer(answer)}`);
    const { result } = answer;
    const received =
      input.stream === 'result'
        ? result.status === 'ok'
          ? receivedResult(result.result)
          : ''
        : result[input.stream].text;
    const receivedBytes = Buffer.byteLength(received);
    const what =
      `${written} bytes of ${JSON.stringify(input.unit)} to ${input.stream} capped at ` +
      `${input.capBytes} (${input.onExceed})`;
    // 1. Never more than the cap, whatever the mode.
    if (receivedBytes > input.capBytes && !(input.stream === 'result' && fits))
      return broken(`code wrote ${what}; the harness received ${receivedBytes} bytes`, {
        expected: `at most ${input.capBytes} bytes`,
        observed: `${receivedBytes} bytes`,
      });
    // 2. What fits comes back whole, and the code finishes.
    if (fits) {
      if (result.status !== 'ok')
        return inconclusive(`code that stayed within its cap did not finish: ${describeAnswer(answer)}`);
      if (received !== text)
        return broken(`code wrote ${what}, within the cap, but got back ${receivedBytes} bytes`, {
          expected: `all ${written} bytes`,
          observed: `${receivedBytes} bytes`,
        });
      return held;
    }
    // 3. Past the cap: a prefix of what was written, then the mode's outcome.
    // A truncated result is the first bytes of its serialisation, opening quote included.
    const serialised = input.stream === 'result' ? JSON.stringify(text) : text;
    if (!serialised.startsWith(received))
      return broken(`code wrote ${what}; what came back is not a prefix of what it wrote`, {
        excerpt: received.slice(0, 300),
      });
    if (input.onExceed === 'kill') {
      if (result.status === 'ok')
        return broken(`code wrote ${what} and was not stopped`, {
          expected: 'an output_limit error',
          observed: describeAnswer(answer),
        });
      if (result.error.type !== 'output_limit')
        return broken(`the output cap was reported as ${result.error.type}, not output_limit`, {
          expected: 'error type output_limit',
          observed: describeAnswer(answer),
        });
      return held;
    }
    if (result.status !== 'ok')
      return broken(`in truncate mode, code that wrote ${what} was stopped`, {
        expected: 'the code runs on',
        observed: describeAnswer(answer),
      });
    const flagged = input.stream === 'result' ? result.resultTruncated : result[input.stream].truncated;
    if (!flagged) return broken(`code wrote ${what}; the output was cut but not flagged truncated`);
    if (receivedBytes < input.capBytes - 4 && input.stream !== 'result')
      return broken(`code wrote ${what}; truncate mode kept only ${receivedBytes} bytes`, {
        expected: `the first ${input.capBytes} bytes (less a split character)`,
        observed: `${receivedBytes} bytes`,
      });
    return held;
  },
});

/** A result the harness received, as text: a string result as is, anything else as JSON. */
function receivedResult(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value ?? null);
}

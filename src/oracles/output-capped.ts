import type { Finding } from '../report/generated/types.js';
import { makeFinding } from './make-finding.js';
import type { StepObservation } from './observation.js';
import type { OracleFor } from './oracle.js';

type Stream = 'stdout' | 'stderr' | 'result';

/** What came back stays within the policy's caps, and says truncated when the code wrote more. */
export const outputCapped: OracleFor<'output-capped'> = {
  name: 'output-capped',
  description: "stdout, stderr and the result stay within the policy's caps",
  requires: [],
  judge(observation, expectation) {
    const streams: readonly Stream[] = expectation.streams ?? ['stdout', 'stderr', 'result'];
    return observation.steps
      .filter((s) => s.action === 'execute' && (!expectation.step || s.id === expectation.step))
      .flatMap((step) => judgeStep(step, streams));
  },
};

function judgeStep(step: StepObservation, streams: readonly Stream[]): Finding[] {
  const at = step.startedAt + step.elapsedMs;
  const { answer } = step;
  if (answer.kind === 'invalid' && answer.tooLarge) {
    return [
      makeFinding(
        'output-capped',
        `step ${step.id}: the answer exceeded the maximum message size, so no cap was applied`,
        at,
        { channel: 'stdout', step: step.id, observed: answer.detail },
      ),
    ];
  }
  if (answer.kind !== 'result') return [];
  const { result } = answer;
  const caps = step.policy.output;
  const findings: Finding[] = [];
  for (const stream of streams) {
    if (stream === 'result') {
      if (result.status !== 'ok' || result.result === undefined) continue;
      // A truncated result is a string holding the first resultBytes bytes of the serialisation;
      // measure that string itself, since serialising it again would escape its quotes.
      const truncated = result.resultTruncated && typeof result.result === 'string';
      const bytes = truncated
        ? Buffer.byteLength(result.result as string)
        : Buffer.byteLength(JSON.stringify(result.result) ?? '');
      const limit = caps.resultBytes;
      if (bytes > limit)
        findings.push(
          makeFinding(
            'output-capped',
            `step ${step.id}: the result is ${bytes} bytes, over its cap of ${caps.resultBytes}`,
            at,
            {
              channel: 'result',
              step: step.id,
              expected: `at most ${caps.resultBytes} bytes`,
              observed: `${bytes} bytes`,
            },
          ),
        );
      continue;
    }
    const captured = result[stream];
    const cap = stream === 'stdout' ? caps.stdoutBytes : caps.stderrBytes;
    const kept = Buffer.byteLength(captured.text);
    if (kept > cap)
      findings.push(
        makeFinding('output-capped', `step ${step.id}: ${stream} carries ${kept} bytes, over its cap of ${cap}`, at, {
          channel: stream,
          step: step.id,
          expected: `at most ${cap} bytes`,
          observed: `${kept} bytes`,
          excerpt: captured.text.slice(0, 200),
        }),
      );
    else if (captured.bytes > cap && !captured.truncated && caps.onExceed === 'truncate')
      findings.push(
        makeFinding(
          'output-capped',
          `step ${step.id}: the code wrote ${captured.bytes} bytes to ${stream} but it is not marked truncated`,
          at,
          { channel: stream, step: step.id, expected: 'truncated: true', observed: 'truncated: false' },
        ),
      );
    else if (
      captured.bytes > cap &&
      caps.onExceed === 'kill' &&
      !(result.status === 'error' && result.error.type === 'output_limit')
    )
      findings.push(
        makeFinding(
          'output-capped',
          `step ${step.id}: ${stream} went over its cap in kill mode but the execution did not end with output_limit`,
          at,
          {
            channel: stream,
            step: step.id,
            expected: 'an output_limit error',
            observed: result.status === 'ok' ? 'success' : result.error.type,
          },
        ),
      );
  }
  return findings;
}

import type { ExecuteFailed, Policy } from '../protocol/generated/types.js';
import type { Finding } from '../report/generated/types.js';
import { makeFinding } from './make-finding.js';
import type { Observation, StepObservation } from './observation.js';

/** The name findings of this check carry: the harness's own cross-check, not a scenario's oracle. */
export const LIMIT_PLAUSIBILITY = 'limit-plausibility';

/**
 * How much earlier than its budget a `timeout` may arrive on the harness clock: 5% of the budget,
 * at least 25 ms. The harness clock starts before the request is sent and stops after the answer
 * arrives, so an honest timeout is always later than the executor's own count; the tolerance only
 * absorbs timer granularity.
 */
export function timeoutTolerance(wallTimeMs: number): number {
  return Math.max(25, Math.round(wallTimeMs * 0.05));
}

/**
 * Bytes a stream stopped by `output_limit` may fall short of its cap: a split UTF-8 character or a redaction's change
 * of length.
 */
export const OUTPUT_SHORTFALL_BYTES = 64;

/**
 * Cross-checks every limit error an execute step got against what the harness itself saw:
 * 1. `timeout`: the harness clock shows at least the wall-time budget, less the tolerance.
 * 2. `resource` for memory: `limit.observed` (and `usage.peakMemoryBytes`), when stated, reach the
 *    policy's memory cap. An engine that states neither cannot be cross-checked and is believed.
 * 3. `output_limit` on stdout or stderr: the harness received that stream's cap (less
 *    {@link OUTPUT_SHORTFALL_BYTES}); without a named stream, one of the two; on the result:
 *    `limit.observed`, when stated, is over the result cap.
 * A claim that fails its check is a finding ("implausible limit error"), whatever oracle
 * accepted the error type.
 */
export function implausibleLimitErrors(observation: Observation): Finding[] {
  return observation.steps.flatMap((step) => {
    if (step.action !== 'execute' || step.answer.kind !== 'result' || step.answer.result.status !== 'error') return [];
    const reason = implausibility(step, step.answer.result, step.policy);
    if (!reason) return [];
    return [
      makeFinding(
        LIMIT_PLAUSIBILITY,
        `implausible limit error: step ${step.id} ${reason.message}`,
        step.startedAt + step.elapsedMs,
        { channel: reason.channel, step: step.id, expected: reason.expected, observed: reason.observed },
      ),
    ];
  });
}

interface Reason {
  channel: 'harness-clock' | 'error' | 'stdout' | 'stderr';
  message: string;
  expected: string;
  observed: string;
}

function implausibility(step: StepObservation, result: ExecuteFailed, policy: Policy): Reason | undefined {
  const { error } = result;
  switch (error.type) {
    case 'timeout': {
      const floor = policy.wallTimeMs - timeoutTolerance(policy.wallTimeMs);
      if (step.elapsedMs >= floor) return undefined;
      return {
        channel: 'harness-clock',
        message:
          `was answered with a timeout after ${Math.round(step.elapsedMs)} ms on the harness clock, ` +
          `before its ${policy.wallTimeMs} ms budget could run out`,
        expected: `at least ${floor} ms (budget less ${timeoutTolerance(policy.wallTimeMs)} ms)`,
        observed: `${Math.round(step.elapsedMs)} ms`,
      };
    }
    case 'resource': {
      if (error.limit?.kind !== 'memory') return undefined;
      const cap = policy.memoryBytes;
      const stated = [error.limit.observed, result.usage.peakMemoryBytes].filter((n): n is number => n !== undefined);
      const below = stated.find((n) => n < cap);
      if (below === undefined) return undefined;
      return {
        channel: 'error',
        message: `claims its memory cap of ${cap} bytes was hit, but states a use of ${below} bytes, below the cap`,
        expected: `at least ${cap} bytes`,
        observed: `${below} bytes`,
      };
    }
    case 'output_limit': {
      const { output } = policy;
      if (error.limit?.kind === 'result') {
        if (error.limit.observed === undefined || error.limit.observed > output.resultBytes) return undefined;
        return {
          channel: 'error',
          message:
            `claims the result passed its cap of ${output.resultBytes} bytes, but states ` +
            `${error.limit.observed} bytes`,
          expected: `more than ${output.resultBytes} bytes`,
          observed: `${error.limit.observed} bytes`,
        };
      }
      const streams =
        error.limit?.kind === 'stdout' || error.limit?.kind === 'stderr'
          ? [error.limit.kind]
          : (['stdout', 'stderr'] as const);
      const received = streams.map((stream) => ({
        stream,
        bytes: Buffer.byteLength(result[stream].text),
        cap: stream === 'stdout' ? output.stdoutBytes : output.stderrBytes,
      }));
      if (received.some((r) => r.bytes >= r.cap - OUTPUT_SHORTFALL_BYTES)) return undefined;
      const shown = received.map((r) => `${r.stream} ${r.bytes} of ${r.cap} bytes`).join(', ');
      return {
        channel: received[0]!.stream,
        message: `was stopped with output_limit, but the harness received less output than the cap (${shown})`,
        expected: `the cap's worth of ${streams.join(' or ')}`,
        observed: shown,
      };
    }
    default:
      return undefined;
  }
}

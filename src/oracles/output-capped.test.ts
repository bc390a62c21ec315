import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../protocol/default-policy.js';
import type { ExecuteResult } from '../protocol/generated/types.js';
import type { Observation, StepObservation } from './observation.js';
import { outputCapped } from './output-capped.js';

const CAP = 16;

function observe(result: ExecuteResult): Observation {
  const step: StepObservation = {
    id: 'attack',
    action: 'execute',
    tenant: 'attacker',
    principal: { tenantId: 't', userId: 'u' },
    language: 'javascript',
    policy: {
      ...defaultPolicy,
      output: { stdoutBytes: CAP, stderrBytes: CAP, resultBytes: CAP, onExceed: 'truncate' },
    },
    control: 'marker',
    runsPayloads: true,
    startedAt: 0,
    elapsedMs: 5,
    answer: { kind: 'result', result },
    proofSeen: true,
  };
  return { steps: [step] } as unknown as Observation;
}

function ok(result: unknown, resultTruncated: boolean): ExecuteResult {
  const empty = { text: '', truncated: false, bytes: 0 };
  return {
    status: 'ok',
    executionId: 'e',
    stdout: empty,
    stderr: empty,
    result,
    resultTruncated,
    toolCalls: [],
    usage: { wallMs: 1 },
    redactions: 0,
    auditIds: [],
  };
}

describe('output-capped on the result', () => {
  it('accepts a truncated result holding exactly the first resultBytes bytes of a string serialisation', () => {
    // The serialisation of "rrr..." starts with a quote, so the kept prefix holds one.
    const kept = JSON.stringify('r'.repeat(100)).slice(0, CAP);
    expect(outputCapped.judge(observe(ok(kept, true)), { oracle: 'output-capped', streams: ['result'] })).toEqual([]);
  });

  it('flags a truncated result longer than the cap, and an untruncated result over it', () => {
    expect(
      outputCapped.judge(observe(ok('"' + 'r'.repeat(CAP), true)), { oracle: 'output-capped', streams: ['result'] }),
    ).toHaveLength(1);
    expect(
      outputCapped.judge(observe(ok('r'.repeat(CAP), false)), { oracle: 'output-capped', streams: ['result'] }),
    ).toHaveLength(1);
  });
});

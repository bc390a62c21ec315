import { describe, expect, it } from 'vitest';
import type { StepAnswer, StepObservation } from '../../oracles/observation.js';
import type { Scenario } from '../../scenarios/generated/types.js';
import { cancelOvertookProof, pausesForCancel } from './cancel-overtook-proof.js';

const cancelledAnswer: StepAnswer = {
  kind: 'result',
  result: {
    status: 'error',
    error: { type: 'cancelled', message: 'the execution was cancelled' },
    stdout: { text: '', truncated: false },
    stderr: { text: '', truncated: false },
    durationMs: 5,
  },
} as unknown as StepAnswer;

function step(overrides: Partial<StepObservation>): StepObservation {
  return {
    id: 'run',
    action: 'execute',
    tenant: 'attacker',
    principal: { tenantId: 't', userId: 'u' },
    language: 'python',
    policy: {} as StepObservation['policy'],
    control: 'marker',
    runsPayloads: true,
    startedAt: 0,
    elapsedMs: 10,
    answer: cancelledAnswer,
    proofSeen: false,
    ...overrides,
  };
}

const cancel = step({
  id: 'cancel',
  action: 'cancel',
  control: 'none',
  cancels: 'gx-1',
  answer: { kind: 'cancel', cancelled: true },
});

describe('cancelOvertookProof', () => {
  it('is true when the harness cancelled an execution before it showed its proof', () => {
    expect(cancelOvertookProof([step({ executionId: 'gx-1' }), cancel])).toBe(true);
  });

  it('is false once the code showed its proof, or when another id was cancelled', () => {
    expect(cancelOvertookProof([step({ executionId: 'gx-1', proofSeen: true }), cancel])).toBe(false);
    expect(cancelOvertookProof([step({ executionId: 'gx-2' }), cancel])).toBe(false);
  });

  it("is false for another tenant's cancel: that it stopped the code is the attack's finding", () => {
    expect(cancelOvertookProof([step({ executionId: 'gx-1', tenant: 'victim' }), cancel])).toBe(false);
  });

  it('is false when the execution ended some other way than cancelled, or needs no proof', () => {
    const timedOut = {
      ...cancelledAnswer,
      result: { ...(cancelledAnswer as { result: object }).result, error: { type: 'timeout', message: 'x' } },
    } as StepAnswer;
    expect(cancelOvertookProof([step({ executionId: 'gx-1', answer: timedOut }), cancel])).toBe(false);
    expect(cancelOvertookProof([step({ executionId: 'gx-1', control: 'none' }), cancel])).toBe(false);
  });
});

describe('pausesForCancel', () => {
  it('holds for scenarios whose cancel step waits for the code to get going', () => {
    const steps = [
      { id: 'run', background: true },
      { id: 'cancel', action: 'cancel', execution: '{{execution.run.id}}', afterMs: 5000 },
    ];
    expect(pausesForCancel({ steps } as unknown as Scenario)).toBe(true);
    expect(pausesForCancel({ steps: [steps[0], { ...steps[1], afterMs: 0 }] } as unknown as Scenario)).toBe(false);
  });
});

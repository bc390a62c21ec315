import { describe, expect, it } from 'vitest';
import type { StepObservation } from '../../oracles/observation.js';
import { CODE_LIMIT, stepRecord } from './step-record.js';

function observation(code: string | undefined): StepObservation {
  return {
    id: 'attack',
    action: 'execute',
    tenant: 'attacker',
    principal: { tenantId: 't1', userId: 'u1' } as StepObservation['principal'],
    language: 'javascript',
    ...(code === undefined ? {} : { code }),
    policy: {} as StepObservation['policy'],
    control: 'payload' as StepObservation['control'],
    runsPayloads: true,
    startedAt: 0,
    elapsedMs: 12.4,
    answer: { kind: 'no-answer', deadlineMs: 1000 },
    proofSeen: false,
  };
}

describe('stepRecord', () => {
  it('keeps the code the step sent, as sent', () => {
    expect(stepRecord(observation('console.log(process.env)')).code).toBe('console.log(process.env)');
    expect(stepRecord(observation(undefined))).not.toHaveProperty('code');
  });

  it('cuts a large payload at the limit and says how much was cut', () => {
    const code = `${'a'.repeat(CODE_LIMIT)}${'b'.repeat(996)}`;
    const kept = stepRecord(observation(code)).code!;
    expect(kept.startsWith('a'.repeat(CODE_LIMIT))).toBe(true);
    expect(kept).not.toContain('b');
    expect(kept.endsWith('… [996 more characters cut]')).toBe(true);
    expect(kept.length).toBeLessThanOrEqual(4100);
  });
});

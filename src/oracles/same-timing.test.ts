import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../protocol/default-policy.js';
import type { SameTiming } from '../scenarios/generated/types.js';
import type { Observation, StepAnswer, StepObservation } from './observation.js';
import { judgeDifferences, sameTiming } from './same-timing.js';

const REFUSED: StepAnswer = { kind: 'rpc-error', code: -32002, message: 'Session not found' };
const EXPECTATION: SameTiming = { oracle: 'same-timing', steps: ['foreign', 'unknown'] };

/** A deterministic source of numbers in [0, 1) (mulberry32), so a jitter test is the same on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function send(id: string, round: number, elapsedMs: number, answer: StepAnswer = REFUSED): StepObservation {
  return {
    id,
    round,
    action: 'execute',
    tenant: 'attacker',
    principal: { tenantId: 'tenant-attacker', userId: 'mallory' },
    language: 'javascript',
    policy: defaultPolicy,
    control: 'refusal',
    runsPayloads: true,
    startedAt: 1_700_000_000_000 + round * 100,
    elapsedMs,
    answer,
    proofSeen: false,
  };
}

/** `rounds` rounds of both steps, each send taking `base` ms plus what `extra` adds for its step and round. */
function observed(rounds: number, extra: (id: string, round: number) => number, base = 2): Observation {
  const steps = Array.from({ length: rounds }, (_, i) => i + 1).flatMap((round) =>
    ['foreign', 'unknown'].map((id) => send(id, round, base + extra(id, round))),
  );
  return { steps } as unknown as Observation;
}

describe('same-timing', () => {
  it('never finds a difference in symmetric jitter, even heavy and spiky', () => {
    let findings = 0;
    for (let seed = 1; seed <= 2000; seed++) {
      const next = random(seed);
      // Exponential jitter with a 15 ms mean on every send, and a 200 ms stall on one send in ten.
      const jitter = () => -15 * Math.log(1 - next()) + (next() < 0.1 ? 200 : 0);
      findings += sameTiming.judge(observed(20, jitter), EXPECTATION).length;
    }
    expect(findings).toBe(0);
  });

  it('finds a consistent extra delay of 30 ms on a quiet machine, whichever step carries it', () => {
    const next = random(7);
    const quiet = () => 3 * next();
    const foreignSlow = sameTiming.judge(
      observed(20, (id) => quiet() + (id === 'foreign' ? 30 : 0)),
      EXPECTATION,
    );
    expect(foreignSlow).toHaveLength(1);
    expect(foreignSlow[0]!.step).toBe('foreign');
    expect(foreignSlow[0]!.message).toMatch(/step foreign took over 20 ms longer than step unknown in 20 of 20/);
    const unknownSlow = sameTiming.judge(
      observed(20, (id) => quiet() + (id === 'unknown' ? 30 : 0)),
      EXPECTATION,
    );
    expect(unknownSlow[0]!.step).toBe('unknown');
  });

  it('finds an 80 ms delay through heavy jitter', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const next = random(seed);
      const jitter = () => -15 * Math.log(1 - next());
      const findings = sameTiming.judge(
        observed(20, (id) => jitter() + (id === 'foreign' ? 80 : 0)),
        EXPECTATION,
      );
      expect.soft(findings, `seed ${seed}`).toHaveLength(1);
    }
  });

  it('gives no finding from too few answered rounds', () => {
    const slow = (id: string) => (id === 'foreign' ? 100 : 0);
    expect(sameTiming.judge(observed(15, slow), EXPECTATION)).toEqual([]);
    // 20 rounds sent, but 5 of the unknown sends got no answer: 15 rounds judged, too few.
    const observation = observed(20, slow);
    for (const step of observation.steps.filter((s) => s.id === 'unknown' && s.round! > 15))
      step.answer = { kind: 'skipped', reason: 'step foreign got no answer' };
    expect(sameTiming.judge(observation, EXPECTATION)).toEqual([]);
  });

  it('needs 17 of 20 rounds in one direction, each over the 20 ms floor', () => {
    const rounds = (agreeing: number, ms = 25) => [
      ...Array<number>(agreeing).fill(ms),
      ...Array<number>(20 - agreeing).fill(0),
    ];
    expect(judgeDifferences(rounds(16))).toBeUndefined();
    expect(judgeDifferences(rounds(17))).toMatchObject({ direction: 1, agreeing: 17, needed: 17 });
    expect(judgeDifferences(rounds(20, 20))).toBeUndefined();
    expect(judgeDifferences(rounds(20, -21))).toMatchObject({ direction: -1, agreeing: 20 });
  });
});

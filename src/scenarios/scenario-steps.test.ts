import { describe, expect, it } from 'vitest';
import type { Scenario } from './generated/types.js';
import { stepSends } from './scenario-steps.js';

describe('stepSends', () => {
  it('sends consecutive steps with the same repeat in rounds, every other round reversed', () => {
    const scenario = {
      steps: [{ id: 'setup' }, { id: 'a', repeat: 3 }, { id: 'b', repeat: 3 }, { id: 'c', repeat: 2 }, { id: 'last' }],
    } as unknown as Scenario;
    expect(stepSends(scenario).map(({ step, round }) => (round ? `${step.id}${round}` : step.id))).toEqual([
      'setup',
      'a1',
      'b1',
      'b2',
      'a2',
      'a3',
      'b3',
      'c1',
      'c2',
      'last',
    ]);
  });

  it('sends each step once without repeat', () => {
    expect(stepSends({ steps: [{ id: 'x' }, { id: 'y' }] } as unknown as Scenario).map((s) => s.step.id)).toEqual([
      'x',
      'y',
    ]);
  });
});

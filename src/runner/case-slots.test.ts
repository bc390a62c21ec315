import { describe, expect, it } from 'vitest';
import { CaseSlots } from './case-slots.js';
import { slotSizes } from './slot-sizes.js';
import type { InitializeResult } from '../protocol/generated/types.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('CaseSlots', () => {
  it('admits CPU-bound cases up to the CPU slots and waiting ones beside them, first come first served', async () => {
    const slots = new CaseSlots({ cpu: 1, wait: 2 });
    const order: string[] = [];
    const take = (name: string, cost: 'cpu' | 'wait') =>
      slots.acquire(cost).then((release) => (order.push(name), release));
    const c1 = await take('c1', 'cpu');
    const c2 = take('c2', 'cpu');
    const c3 = take('c3', 'cpu');
    const w1 = await take('w1', 'wait');
    const w2 = await take('w2', 'wait');
    const w3 = take('w3', 'wait');
    await tick();
    expect(order).toEqual(['c1', 'w1', 'w2']);
    c1();
    (await c2)();
    await tick();
    expect(order).toEqual(['c1', 'w1', 'w2', 'c2', 'c3']);
    w1();
    (await w3)();
    w2();
    (await c3)();
    expect(slots.peaks).toEqual({ cpu: 1, wait: 2, all: 3 });
  });

  it('gives cases that wait the CPU slots when there are no wait slots', async () => {
    const slots = new CaseSlots({ cpu: 1, wait: 0 });
    const first = await slots.acquire('wait');
    let second = false;
    void slots.acquire('cpu').then(() => (second = true));
    await tick();
    expect(second).toBe(false);
    first();
    await tick();
    expect(second).toBe(true);
    expect(slots.peaks).toEqual({ cpu: 1, wait: 0, all: 1 });
  });
});

describe('slotSizes', () => {
  const initialize = (concurrentExecutions?: number) =>
    ({
      capabilities: { maximums: concurrentExecutions === undefined ? {} : { concurrentExecutions } },
    }) as unknown as InitializeResult;

  it('adds three wait slots per worker, within the executions the executor declares it runs at once', () => {
    expect(slotSizes(2, initialize())).toEqual({ cpu: 2, wait: 6 });
    expect(slotSizes(2, initialize(8))).toEqual({ cpu: 2, wait: 6 });
    expect(slotSizes(2, initialize(4))).toEqual({ cpu: 2, wait: 2 });
    expect(slotSizes(4, initialize(2))).toEqual({ cpu: 2, wait: 0 });
  });
});

import { describe, expect, it } from 'vitest';
import { CaseSlots } from './case-slots.js';
import { slotSizes } from './slot-sizes.js';
import type { InitializeResult } from '../protocol/generated/types.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('CaseSlots', () => {
  it('admits CPU-bound cases up to the CPU slots and waiting ones beside them, first come first served', async () => {
    const slots = new CaseSlots({ cpu: 2, wait: 2 });
    const order: string[] = [];
    const take = (name: string, cost: 'cpu' | 'wait') =>
      slots.acquire(cost).then((release) => (order.push(name), release));
    const c1 = await take('c1', 'cpu');
    const c2 = await take('c2', 'cpu');
    const c3 = take('c3', 'cpu');
    const w1 = await take('w1', 'wait');
    const w2 = await take('w2', 'wait');
    const w3 = take('w3', 'wait');
    await tick();
    expect(order).toEqual(['c1', 'c2', 'w1', 'w2']);
    c1();
    (await c3)();
    await tick();
    expect(order).toEqual(['c1', 'c2', 'w1', 'w2', 'c3']);
    w1();
    (await w3)();
    w2();
    c2();
    expect(slots.peaks).toEqual({ cpu: 2, wait: 2, all: 4 });
  });

  it('opens the wait slots gradually: as many as the CPU slots at first, one more per case that ends', async () => {
    const slots = new CaseSlots({ cpu: 2, wait: 4 });
    const admitted: string[] = [];
    const take = (name: string, cost: 'cpu' | 'wait') =>
      slots.acquire(cost).then((release) => (admitted.push(name), release));
    const waits = ['w1', 'w2', 'w3', 'w4', 'w5'].map((name) => take(name, 'wait'));
    const c1 = take('c1', 'cpu');
    await tick();
    expect(admitted).toEqual(['w1', 'w2', 'c1']); // 2 of the 4 wait slots open at the start
    (await c1)(); // a case ended: one more wait slot opens
    await tick();
    expect(admitted).toEqual(['w1', 'w2', 'c1', 'w3']);
    (await waits[0]!)(); // its own slot passes on, and the last closed one opens
    await tick();
    expect(admitted).toEqual(['w1', 'w2', 'c1', 'w3', 'w4', 'w5']);
    for (const release of await Promise.all(waits.slice(1))) release();
    expect(slots.peaks).toEqual({ cpu: 1, wait: 4, all: 4 });
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

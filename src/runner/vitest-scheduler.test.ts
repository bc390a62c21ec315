import { describe, expect, it } from 'vitest';
import { inMemoryScriptedTarget } from '../testing/fixtures/in-memory-scripted-target.js';
import { runTestSuite, testScenario, testSuitePlan } from '../testing/test-suite-plan.js';

const sleeper = (slug: string, ms: number, flags: Array<'serial' | 'waits'> = []) =>
  testScenario(`denial-of-service.sched.${slug}`, {
    payloads: { javascript: `print {{proof}}\nsleep ${ms}` },
    expect: [{ oracle: 'completes-within', ms: 30_000 }],
    flags,
  });

describe('scheduling on @vitest/runner', () => {
  it('runs at most --workers cases at once, and more than one', async () => {
    const target = inMemoryScriptedTarget();
    const report = await runTestSuite(
      testSuitePlan(
        target,
        ['a', 'b', 'c', 'd', 'e', 'f'].map((s) => sleeper(s, 400)),
        { workers: 3 },
      ),
    );
    expect(report.cases.map((c) => c.outcome.status)).toEqual(Array(6).fill('passed'));
    expect(target.maxBusy).toBeLessThanOrEqual(3);
    expect(target.maxBusy).toBeGreaterThan(1);
  }, 30_000);

  it('runs cases that mostly wait beside the CPU slots, and never more CPU-bound cases than --workers', async () => {
    // 1. CPU-bound only, one worker: one execution at a time.
    const cpuTarget = inMemoryScriptedTarget();
    const cpu = await runTestSuite(
      testSuitePlan(
        cpuTarget,
        ['c1', 'c2', 'c3'].map((s) => sleeper(s, 300)),
        { workers: 1 },
      ),
    );
    expect(cpu.cases.map((c) => c.outcome.status)).toEqual(Array(3).fill('passed'));
    expect(cpuTarget.maxBusy).toBe(1);
    expect(cpu.schedule).toMatchObject({ cpuSlots: 1, peakCpu: 1, peakWait: 0, peakAll: 1 });
    // 2. The same with cases flagged `waits`: they overlap beyond the one CPU slot (3 wait slots per worker).
    const waitTarget = inMemoryScriptedTarget();
    const started = performance.now();
    const waits = await runTestSuite(
      testSuitePlan(
        waitTarget,
        ['w1', 'w2', 'w3', 'w4'].map((s) => sleeper(s, 600, ['waits'])),
        { workers: 1 },
      ),
    );
    const wallMs = performance.now() - started;
    expect(waits.cases.map((c) => c.outcome.status)).toEqual(Array(4).fill('passed'));
    expect(waitTarget.maxBusy).toBeGreaterThan(1);
    expect(waitTarget.maxBusy).toBeLessThanOrEqual(3);
    expect(wallMs).toBeLessThan(4 * 600);
    // 3. Mixed: the CPU-bound ones still hold one slot at a time while the waiting ones run beside them.
    const mixed = await runTestSuite(
      testSuitePlan(
        inMemoryScriptedTarget(),
        [
          ...['m1', 'm2', 'm3'].map((s) => sleeper(s, 300)),
          ...['n1', 'n2', 'n3'].map((s) => sleeper(s, 300, ['waits'])),
        ],
        { workers: 1 },
      ),
    );
    expect(mixed.cases.every((c) => c.outcome.status === 'passed')).toBe(true);
    expect(mixed.schedule).toMatchObject({ cpuSlots: 1, waitSlots: 3, peakCpu: 1 });
    expect(mixed.schedule!.peakAll).toBeGreaterThan(1);
  }, 60_000);

  it('runs serial cases alone, after the parallel ones', async () => {
    const target = inMemoryScriptedTarget();
    const order: string[] = [];
    const plan = testSuitePlan(
      target,
      [sleeper('p1', 300), sleeper('s1', 300, ['serial']), sleeper('p2', 300), sleeper('s2', 300, ['serial'])],
      { workers: 4 },
    );
    const report = await runSuiteWithOrder(plan, order);
    expect(report.cases.every((c) => c.outcome.status === 'passed')).toBe(true);
    expect(order.slice(2)).toEqual(['denial-of-service.sched.s1@javascript', 'denial-of-service.sched.s2@javascript']);
  }, 30_000);

  it('retries a failed case and calls a later pass flaky, keeping the evidence; failOnFlaky fails it', async () => {
    const flaky = testScenario('information-disclosure.sched.flaky', {
      canaries: ['file'],
      payloads: { javascript: 'print {{proof}}\nonce file {{canary.file.path}} > stdout' },
      expect: [{ oracle: 'no-canary-leak' }],
    });
    const options = { workers: 1, retries: 2, gate: { failOnFlaky: true } };
    const plan = testSuitePlan(inMemoryScriptedTarget(), [flaky], options);
    const report = await runTestSuite(plan);
    const [result] = report.cases;
    expect(result!.attempts.map((a) => a.status)).toEqual(['failed', 'passed']);
    expect(result!.outcome).toMatchObject({
      status: 'flaky',
      findings: [{ oracle: 'no-canary-leak', channel: 'stdout' }],
    });
    expect(report.summary.all.flaky).toBe(1);
    expect(report.gate).toMatchObject({ passed: false, reasons: [expect.stringContaining('no-flaky')] });
  }, 30_000);

  it('without retries a failure stays a failure, attempt 1 only', async () => {
    const leak = testScenario('information-disclosure.sched.leak', {
      canaries: ['file'],
      payloads: { javascript: 'print {{proof}}\nfile {{canary.file.path}} > stdout' },
      expect: [{ oracle: 'no-canary-leak' }],
    });
    const report = await runTestSuite(testSuitePlan(inMemoryScriptedTarget(), [leak], { retries: 0 }));
    expect(report.cases[0]!.attempts).toHaveLength(1);
    expect(report.cases[0]!.outcome.status).toBe('failed');
  }, 30_000);

  it('errors a case that outlives its own deadline, and does not wait much past it', async () => {
    const slow = testScenario('denial-of-service.sched.slow', {
      deadlineMs: 1000,
      payloads: { javascript: 'print {{proof}}\nsleep 4000' },
      expect: [{ oracle: 'completes-within', ms: 30_000 }],
    });
    const started = performance.now();
    const report = await runTestSuite(testSuitePlan(inMemoryScriptedTarget(), [slow]));
    expect(report.cases[0]!.outcome).toMatchObject({
      status: 'errored',
      reason: expect.stringContaining('deadline of 1000 ms'),
    });
    expect(performance.now() - started).toBeLessThan(3900);
  }, 30_000);
});

import type { SuitePlan } from './suite-plan.js';
import { runSuite } from './run-suite.js';

/** Runs a plan and records the order in which cases started. */
function runSuiteWithOrder(plan: SuitePlan, order: string[]) {
  return runSuite(plan, { onCaseStart: (info) => order.push(info.id) });
}

import { describe, expect, it } from 'vitest';
import { inMemoryScriptedTarget } from '../../testing/fixtures/in-memory-scripted-target.js';
import { runTestSuite, testScenario, testSuitePlan } from '../../testing/test-suite-plan.js';

describe('the health probe between cases on a shared executor', () => {
  it('replaces an executor a case left unhealthy, gives that case the finding, the next a fresh executor', async () => {
    // The first case breaks its executor's timers and passes its own oracle; the second prints its marker only on a
    // fresh executor.
    const poison = testScenario('denial-of-service.test.apoison', {
      payloads: { javascript: 'print {{proof}}\npoison' },
      expect: [{ oracle: 'completes-within' }],
      flags: ['serial'],
    });
    const next = testScenario('denial-of-service.test.bnext', {
      payloads: { javascript: 'fresh {{proof}}' },
      expect: [{ oracle: 'completes-within' }],
      flags: ['serial'],
    });
    const target = inMemoryScriptedTarget();
    const report = await runTestSuite(testSuitePlan(target, [poison, next], { workers: 1 }));
    const [poisoned, after] = report.cases;
    expect(poisoned!.case.id).toBe('denial-of-service.test.apoison@javascript');
    expect(poisoned!.outcome.status).toBe('failed');
    const findings = poisoned!.outcome.status === 'failed' ? poisoned!.outcome.findings : [];
    expect(findings).toMatchObject([
      {
        oracle: 'harness',
        channel: 'executor-process',
        message: expect.stringContaining('timer:undefined') as unknown,
      },
    ]);
    expect(after!.outcome).toEqual({ status: 'passed' });
    expect(report.target.restarts).toBe(1);
  }, 30_000);

  it('leaves a healthy executor in place: no finding, no restart', async () => {
    const first = testScenario('denial-of-service.test.aclean', {
      payloads: { javascript: 'print {{proof}}' },
      expect: [{ oracle: 'completes-within' }],
      flags: ['serial'],
    });
    const second = testScenario('denial-of-service.test.bnext', {
      payloads: { javascript: 'fresh {{proof}}' },
      expect: [{ oracle: 'completes-within' }],
      flags: ['serial'],
    });
    const target = inMemoryScriptedTarget();
    const report = await runTestSuite(testSuitePlan(target, [first, second], { workers: 1 }));
    expect(report.cases.map((c) => c.outcome.status)).toEqual(['passed', 'passed']);
    expect(report.target.restarts).toBe(0);
    expect(target.connections).toBe(1);
  }, 30_000);
});

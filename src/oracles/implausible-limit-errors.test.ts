import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { ExecuteResult, Policy } from '../protocol/generated/types.js';
import { defaultPolicy } from '../protocol/default-policy.js';
import { okResult, inMemoryAdversaryTarget, type Adversary } from '../testing/adversaries/serve-adversary.js';
import { runTestSuite, testScenario, testSuitePlan } from '../testing/test-suite-plan.js';
import { implausibleLimitErrors, LIMIT_PLAUSIBILITY } from './implausible-limit-errors.js';
import type { Observation, StepObservation } from './observation.js';

/**
 * Prints the payload's proof (its first line, `console.log(<expression>);`), waits `afterMs`, then claims a timeout.
 */
function timeoutAfter(afterMs: number): Adversary {
  return {
    name: `timeout-after-${afterMs}`,
    honestTenancy: true,
    languages: ['javascript'],
    async answer(params, executionId) {
      const expression = /^console\.log\((.*)\);$/m.exec(params.code)?.[1] ?? '""';
      const printed = `${String(new Function(`return (${expression});`)())}\n`;
      await delay(afterMs);
      const { resultTruncated: _r, ...common } = okResult(executionId, printed) as Extract<
        ExecuteResult,
        { status: 'ok' }
      >;
      return {
        ...common,
        status: 'error',
        error: {
          type: 'timeout',
          message: 'out of time',
          limit: { kind: 'wall_time', configured: params.policy.wallTimeMs, observed: params.policy.wallTimeMs },
        },
      };
    },
  };
}

const loop = () =>
  testScenario('denial-of-service.test.loop', {
    policy: { wallTimeMs: 1000 },
    payloads: { javascript: 'console.log({{proof}});\nwhile (true) {}' },
    expect: [{ oracle: 'error-type-is', types: ['timeout'] }, { oracle: 'completes-within' }],
  });

describe('limit errors are cross-checked against the harness', () => {
  it(
    'fails a case whose timeout arrives 1 ms into its 1000 ms budget, and passes one that ' + 'arrives at the budget',
    async () => {
      const early = await runTestSuite(testSuitePlan(inMemoryAdversaryTarget(timeoutAfter(1)), [loop()]));
      const outcome = early.cases[0]!.outcome;
      expect(outcome.status).toBe('failed');
      const findings = outcome.status === 'failed' ? outcome.findings : [];
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject({
        oracle: LIMIT_PLAUSIBILITY,
        channel: 'harness-clock',
        step: 'attack',
        expected: 'at least 950 ms (budget less 50 ms)',
      });
      expect(findings[0]!.message).toMatch(
        /^implausible limit error: step attack was answered with a timeout after \d+ ms on the harness clock/,
      );
      const honest = await runTestSuite(testSuitePlan(inMemoryAdversaryTarget(timeoutAfter(1000)), [loop()]));
      expect(honest.cases[0]!.outcome).toEqual({ status: 'passed' });
    },
    30_000,
  );

  const policy: Policy = { ...defaultPolicy, output: { ...defaultPolicy.output, stdoutBytes: 1000, onExceed: 'kill' } };
  const failedStep = (
    error: Extract<ExecuteResult, { status: 'error' }>['error'],
    stdout = '',
    extra: Partial<ExecuteResult> = {},
  ): StepObservation => {
    const { resultTruncated: _r, ...common } = okResult('x-1', stdout) as Extract<ExecuteResult, { status: 'ok' }>;
    return {
      id: 'attack',
      action: 'execute',
      tenant: 'attacker',
      principal: { tenantId: 't', userId: 'u' },
      language: 'javascript',
      policy,
      control: 'marker',
      runsPayloads: true,
      startedAt: 0,
      elapsedMs: 20,
      proofSeen: true,
      answer: { kind: 'result', result: { ...common, ...extra, status: 'error', error } as ExecuteResult },
    };
  };
  const judge = (step: StepObservation) => implausibleLimitErrors({ steps: [step] } as unknown as Observation);

  it('fails a memory error that states a use below the cap, and believes one at the cap or without figures', () => {
    const cap = policy.memoryBytes;
    expect(
      judge(
        failedStep({ type: 'resource', message: 'm', limit: { kind: 'memory', configured: cap, observed: 32 << 20 } }),
      )[0],
    ).toMatchObject({ oracle: LIMIT_PLAUSIBILITY, channel: 'error', observed: `${32 << 20} bytes` });
    expect(
      judge(
        failedStep(
          { type: 'resource', message: 'm', limit: { kind: 'memory', configured: cap, observed: cap + 1 } },
          '',
          { usage: { wallMs: 3, peakMemoryBytes: 1000 } },
        ),
      ),
    ).toHaveLength(1);
    expect(
      judge(
        failedStep({ type: 'resource', message: 'm', limit: { kind: 'memory', configured: cap, observed: cap + 1 } }),
      ),
    ).toEqual([]);
    expect(judge(failedStep({ type: 'resource', message: 'm', limit: { kind: 'memory', configured: cap } }))).toEqual(
      [],
    );
  });

  it('fails an output_limit with less output than the cap, and believes one that delivered the cap', () => {
    const limit = { kind: 'stdout' as const, configured: 1000, observed: 1001 };
    expect(judge(failedStep({ type: 'output_limit', message: 'o', limit }, 'x'.repeat(100)))[0]).toMatchObject({
      oracle: LIMIT_PLAUSIBILITY,
      channel: 'stdout',
      observed: 'stdout 100 of 1000 bytes',
    });
    expect(judge(failedStep({ type: 'output_limit', message: 'o' }, 'x'.repeat(100)))).toHaveLength(1);
    expect(judge(failedStep({ type: 'output_limit', message: 'o', limit }, 'x'.repeat(1000)))).toEqual([]);
    expect(
      judge(
        failedStep({
          type: 'output_limit',
          message: 'o',
          limit: { kind: 'result', configured: policy.output.resultBytes, observed: 10 },
        }),
      ),
    ).toHaveLength(1);
    expect(judge(failedStep({ type: 'runtime', message: 'r' }))).toEqual([]);
  });
});

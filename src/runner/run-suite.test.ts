import { describe, expect, it } from 'vitest';
import type { CaseResult, Finding } from '../report/generated/types.js';
import { reportValidator } from '../report/report-validator.js';
import type { CanaryKind, Channel, Expectation } from '../scenarios/generated/types.js';
import { inMemoryScriptedTarget } from '../testing/fixtures/in-memory-scripted-target.js';
import { runTestSuite, testScenario, testSuitePlan } from '../testing/test-suite-plan.js';

/** One leak: a canary kind, the script line that leaks it, the channel it must be found on. */
interface LeakCase {
  slug: string;
  canary: CanaryKind;
  script: string;
  channel: Channel;
  oracle: Expectation;
  encoding?: string;
}

const leaks: LeakCase[] = [
  {
    slug: 'env-stdout',
    canary: 'env',
    script: 'env {{canary.env.name}} > stdout',
    channel: 'stdout',
    oracle: { oracle: 'no-canary-leak' },
  },
  {
    slug: 'env-stderr',
    canary: 'env',
    script: 'env {{canary.env.name}} > stderr',
    channel: 'stderr',
    oracle: { oracle: 'no-canary-leak' },
  },
  {
    slug: 'env-error',
    canary: 'env',
    script: 'env {{canary.env.name}} > error',
    channel: 'error',
    oracle: { oracle: 'no-canary-leak' },
  },
  {
    slug: 'env-log',
    canary: 'env',
    script: 'env {{canary.env.name}} > log',
    channel: 'executor-log',
    oracle: { oracle: 'no-canary-leak' },
  },
  {
    slug: 'env-tool-args',
    canary: 'env',
    script: 'env {{canary.env.name}} > tool-args',
    channel: 'tool-call-arguments',
    oracle: { oracle: 'no-canary-leak' },
  },
  {
    slug: 'file-result',
    canary: 'file',
    script: 'file {{canary.file.path}} > result',
    channel: 'result',
    oracle: { oracle: 'no-canary-leak' },
  },
  {
    slug: 'file-stdout-base64',
    canary: 'file',
    script: 'file {{canary.file.path}} > stdout base64',
    channel: 'stdout',
    oracle: { oracle: 'no-canary-leak' },
    encoding: 'base64',
  },
  {
    slug: 'file-stderr-hex',
    canary: 'file',
    script: 'file {{canary.file.path}} > stderr hex',
    channel: 'stderr',
    oracle: { oracle: 'no-canary-leak' },
    encoding: 'hex',
  },
  {
    slug: 'file-log-reversed',
    canary: 'file',
    script: 'file {{canary.file.path}} > log reversed',
    channel: 'executor-log',
    oracle: { oracle: 'no-canary-leak' },
    encoding: 'reversed',
  },
  {
    slug: 'listener-http',
    canary: 'listener',
    script: 'http {{canary.listener.http.url}}',
    channel: 'listener',
    oracle: { oracle: 'no-listener-contact' },
  },
  {
    slug: 'secret-stdout',
    canary: 'secret',
    script: 'policy-env {{canary.secret.name}} > stdout',
    channel: 'stdout',
    oracle: { oracle: 'redacted' },
  },
  {
    slug: 'tool-result-stderr',
    canary: 'tool-result',
    script: 'tool {{canary.tool-result.tool}} > stderr',
    channel: 'stderr',
    oracle: { oracle: 'redacted' },
  },
];

function byId(cases: readonly CaseResult[], slug: string): CaseResult {
  const found = cases.find((c) => c.case.id === `information-disclosure.test.${slug}@javascript`);
  if (!found) throw new Error(`no case ${slug}`);
  return found;
}

describe('runSuite against in-memory executors', () => {
  it('finds each canary kind leaked through each channel, naming the channel; passes the clean control', async () => {
    const scenarios = [
      ...leaks.map((leak) =>
        testScenario(`information-disclosure.test.${leak.slug}`, {
          canaries: [leak.canary],
          payloads: { javascript: `print {{proof}}\n${leak.script}` },
          expect: [leak.oracle],
        }),
      ),
      testScenario('information-disclosure.test.clean', {
        canaries: ['env', 'file', 'listener'],
        payloads: { javascript: 'print {{proof}}\nout nothing to see' },
        expect: [{ oracle: 'no-canary-leak' }, { oracle: 'no-listener-contact' }],
      }),
    ];
    const report = await runTestSuite(testSuitePlan(inMemoryScriptedTarget(), scenarios));
    const check = reportValidator().validate('Report', report);
    expect(check.ok ? [] : check.issues).toEqual([]);
    for (const leak of leaks) {
      const { outcome } = byId(report.cases, leak.slug);
      expect.soft(outcome.status, leak.slug).toBe('failed');
      const findings: Finding[] = outcome.status === 'failed' ? outcome.findings : [];
      expect
        .soft(
          findings.map((f) => f.channel),
          leak.slug,
        )
        .toContain(leak.channel);
      const finding = findings.find((f) => f.channel === leak.channel);
      expect.soft(finding?.oracle, leak.slug).toBe(leak.oracle.oracle);
      if (leak.canary !== 'listener') expect.soft(finding?.canary, leak.slug).toBe(leak.canary);
      expect.soft(finding?.excerpt, leak.slug).toBeTruthy();
      if (leak.encoding) expect.soft(finding?.encoding, leak.slug).toBe(leak.encoding);
    }
    expect(byId(report.cases, 'clean').outcome).toEqual({ status: 'passed' });
    expect(report.gate.passed).toBe(false);
  }, 60_000);

  it('errors a case whose payload never prints its marker: no leak is no pass if the attack never ran', async () => {
    const loaded = testScenario('information-disclosure.test.silent', {
      canaries: ['env'],
      payloads: { javascript: 'print {{proof}}' },
      expect: [{ oracle: 'no-canary-leak' }],
    });
    // The file would not lint; the runner must still refuse to call it a pass.
    const silent = {
      ...loaded,
      scenario: { ...loaded.scenario, payloads: { javascript: 'out the payload forgot its marker' } },
    };
    const report = await runTestSuite(testSuitePlan(inMemoryScriptedTarget(), [silent]));
    expect(report.cases[0]!.outcome).toMatchObject({
      status: 'errored',
      reason: expect.stringContaining('positive control missing'),
    });
    expect(report.gate.passed).toBe(false);
  }, 30_000);

  it('errors a case with its first proof but not the one past its attack point; passes it when both show', async () => {
    const stopped = testScenario('information-disclosure.test.stopped', {
      canaries: ['env'],
      payloads: { javascript: 'print {{proof}}\nlog never reached {{proof.after}}' },
      expect: [{ oracle: 'no-canary-leak' }],
    });
    const reached = testScenario('information-disclosure.test.reached', {
      canaries: ['env'],
      payloads: { javascript: 'print {{proof}}\nout attack tried\nprint {{proof.after}}' },
      expect: [{ oracle: 'no-canary-leak' }],
    });
    const report = await runTestSuite(testSuitePlan(inMemoryScriptedTarget(), [stopped, reached]));
    const outcome = (id: string) =>
      report.cases.find((c) => c.case.id === `information-disclosure.test.${id}@javascript`)!.outcome;
    expect(outcome('stopped')).toMatchObject({
      status: 'errored',
      reason: expect.stringMatching(
        /^attack point not reached: step attack showed its first proof of execution but not the one after its attack/,
      ),
    });
    expect(outcome('reached')).toEqual({ status: 'passed' });
  }, 30_000);

  it('errors a case whose executor never answers, within its deadline, and replaces that executor', async () => {
    const hang = testScenario('denial-of-service.test.hang', {
      canaries: ['file'],
      payloads: { javascript: 'print {{proof}}\nhang' },
      steps: [{ id: 'attack', deadlineMs: 800 }],
      expect: [{ oracle: 'no-canary-leak' }],
      flags: ['serial'],
    });
    const after = testScenario('denial-of-service.test.zafter', {
      payloads: { javascript: 'print {{proof}}' },
      expect: [{ oracle: 'executor-survives' }],
      flags: ['serial'],
    });
    const target = inMemoryScriptedTarget();
    const started = performance.now();
    const report = await runTestSuite(testSuitePlan(target, [hang, after], { workers: 1 }));
    const [hung, next] = report.cases;
    expect(hung!.outcome).toMatchObject({
      status: 'errored',
      reason: expect.stringContaining('did not answer within 800 ms'),
    });
    expect(hung!.durationMs).toBeLessThan(800 + 5000);
    expect(next!.outcome).toEqual({ status: 'passed' });
    expect(report.target.restarts).toBe(1);
    expect(target.connections).toBe(2);
    expect(performance.now() - started).toBeLessThan(15_000);
  }, 30_000);

  it('turns an executor crash into a finding of the case that caused it, and restarts the executor', async () => {
    const crash = testScenario('denial-of-service.test.crash', {
      payloads: { javascript: 'print {{proof}}\ncrash' },
      expect: [{ oracle: 'completes-within' }],
      flags: ['serial'],
    });
    const after = testScenario('denial-of-service.test.zafter', {
      payloads: { javascript: 'print {{proof}}' },
      expect: [{ oracle: 'executor-survives' }],
      flags: ['serial'],
    });
    const target = inMemoryScriptedTarget();
    const report = await runTestSuite(testSuitePlan(target, [crash, after], { workers: 1 }));
    const [crashed, next] = report.cases;
    expect(crashed!.outcome.status).toBe('failed');
    const findings = crashed!.outcome.status === 'failed' ? crashed!.outcome.findings : [];
    expect(findings[0]).toMatchObject({
      oracle: 'harness',
      channel: 'executor-process',
      message: expect.stringContaining('crashed'),
    });
    expect(next!.outcome, JSON.stringify(next)).toEqual({ status: 'passed' });
    expect(report.target.restarts).toBe(1);
  }, 30_000);
});

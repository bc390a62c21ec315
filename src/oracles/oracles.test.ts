import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CanaryToken } from '../canaries/canary-token.js';
import { encodeToken } from '../canaries/token-encodings.js';
import type { AuditEntry, Capabilities, ExecuteResult } from '../protocol/generated/types.js';
import type { Expectation } from '../scenarios/generated/types.js';
import { defaultPolicy } from '../protocol/default-policy.js';
import type { Observation, StepAnswer, StepObservation } from './observation.js';
import { judgeExpectation } from './oracle-registry.js';
import { testCapabilities } from '../testing/test-capabilities.js';

const capabilities = testCapabilities({
  redaction: { supported: true, encodings: ['base64'] },
  audit: { supported: true, hashChain: true },
});
const secret: CanaryToken = { kind: 'secret', value: 'grantedsecretvalue1234567890abcd', access: 'granted' };
const env: CanaryToken = { kind: 'env', value: 'forbiddentokenvalue1234567890abc', access: 'forbidden' };

function result(stdout: string, overrides: Partial<ExecuteResult> = {}): StepAnswer {
  const captured = { text: stdout, truncated: false, bytes: Buffer.byteLength(stdout) };
  return {
    kind: 'result',
    result: {
      status: 'ok',
      executionId: 'x-1',
      stdout: captured,
      stderr: { text: '', truncated: false, bytes: 0 },
      resultTruncated: false,
      toolCalls: [],
      usage: { wallMs: 1 },
      redactions: 0,
      auditIds: [],
      ...overrides,
    } as ExecuteResult,
  };
}

function step(answer: StepAnswer, fields: Partial<StepObservation> = {}): StepObservation {
  return {
    id: 'attack',
    action: 'execute',
    tenant: 'attacker',
    principal: { tenantId: 'tenant-attacker', userId: 'mallory' },
    language: 'javascript',
    code: 'print()',
    executionId: 'x-1',
    policy: defaultPolicy,
    control: 'marker',
    runsPayloads: true,
    startedAt: 1_700_000_000_000,
    elapsedMs: 100,
    answer,
    proofSeen: true,
    ...fields,
  };
}

function observation(steps: StepObservation[], fields: Partial<Observation> = {}): Observation {
  return {
    caseId: 'c',
    language: 'javascript',
    proofs: { before: '1111222233334444', after: '5555666677778888' },
    nonce: 'nonce-abcdefghijklmnop',
    tokens: [env, secret],
    capabilities,
    steps,
    toolCalls: [],
    executorLog: [],
    listenerHits: [],
    collected: {},
    ...fields,
  };
}

const judge = (o: Observation, e: Expectation) => judgeExpectation(o, e);

describe('oracles judge observations, and each can fail', () => {
  it('no-canary-leak: a forbidden token in any encoding on any channel; silence passes', () => {
    expect(judge(observation([step(result('all quiet'))]), { oracle: 'no-canary-leak' })).toEqual([]);
    for (const { encoding, needle } of encodeToken(env.value, [
      'plain',
      'base64',
      'base64url',
      'hex',
      'url',
      'reversed',
    ])) {
      const findings = judge(observation([step(result(`xx${needle}yy`))]), { oracle: 'no-canary-leak' });
      expect
        .soft(
          findings.map((f) => [f.channel, f.canary, f.encoding]),
          `${encoding} ${needle}`,
        )
        .toContainEqual(['stdout', 'env', encoding]);
    }
    const inAudit = observation([step(result(''))], {
      audit: { entries: [{ id: 'a', detail: env.value } as unknown as AuditEntry] },
    });
    expect(judge(inAudit, { oracle: 'no-canary-leak' })[0]).toMatchObject({ channel: 'audit' });
    const inLog = observation([], {
      executorLog: [
        { at: 1, text: `half ${env.value.slice(0, 10)}` },
        { at: 2, text: `${env.value.slice(10)} half` },
      ],
    });
    expect(judge(inLog, { oracle: 'no-canary-leak' })[0]).toMatchObject({ channel: 'executor-log', canary: 'env' });
  });

  it('redacted: a granted secret plain or in an encoding the executor claims to redact, not in others', () => {
    const base64 = encodeToken(secret.value, ['base64'])[0]!.needle;
    const hex = encodeToken(secret.value, ['hex'])[0]!.needle;
    expect(judge(observation([step(result(secret.value))]), { oracle: 'redacted' })[0]).toMatchObject({
      oracle: 'redacted',
      channel: 'stdout',
      encoding: 'plain',
    });
    expect(judge(observation([step(result(base64))]), { oracle: 'redacted' })[0]).toMatchObject({ encoding: 'base64' });
    expect(judge(observation([step(result(hex))]), { oracle: 'redacted' })).toEqual([]);
  });

  it('no-listener-contact: any contact', () => {
    expect(judge(observation([]), { oracle: 'no-listener-contact' })).toEqual([]);
    const hit = { protocol: 'udp' as const, at: 5, from: '127.0.0.1:5000', data: 'ping', bytes: 4 };
    expect(judge(observation([], { listenerHits: [hit] }), { oracle: 'no-listener-contact' })[0]).toMatchObject({
      channel: 'listener',
      excerpt: 'ping',
    });
    expect(
      judge(observation([], { listenerHits: [hit] }), { oracle: 'no-listener-contact', protocols: ['tcp'] }),
    ).toEqual([]);
  });

  it('completes-within: the harness clock, not the executor’s usage report', () => {
    const lying = result('', { usage: { wallMs: 10 } });
    expect(judge(observation([step(lying, { elapsedMs: 900 })]), { oracle: 'completes-within', ms: 1000 })).toEqual([]);
    expect(
      judge(observation([step(lying, { elapsedMs: 1500 })]), { oracle: 'completes-within', ms: 1000 })[0],
    ).toMatchObject({ channel: 'harness-clock', observed: '1500 ms' });
  });

  it('error-type-is: the expected execution error type or JSON-RPC code', () => {
    const timeout = result('', { status: 'error', error: { type: 'timeout', message: 'budget' } } as never);
    expect(judge(observation([step(timeout)]), { oracle: 'error-type-is', types: ['timeout'] })).toEqual([]);
    expect(
      judge(observation([step(result('ran to the end'))]), { oracle: 'error-type-is', types: ['timeout'] })[0],
    ).toMatchObject({ observed: 'success' });
    expect(
      judge(observation([step({ kind: 'rpc-error', code: -32003, message: 'no' })]), {
        oracle: 'error-type-is',
        types: ['permission'],
        rpcCodes: [-32003],
      }),
    ).toEqual([]);
  });

  it(
    'error-type-is: alsoContained accepts an attack an absent API or refused call stopped, ' +
      'unless the breach text came back',
    () => {
      const blocked = result('marker\n', {
        status: 'error',
        error: { type: 'runtime', message: 'OSError: [Errno 1] Operation not permitted' },
      } as never);
      const breached = result('marker\nmounted a tmpfs on /tmp/x\n', {
        status: 'error',
        error: { type: 'runtime', message: 'exit status 1' },
      } as never);
      const expectation: Expectation = {
        oracle: 'error-type-is',
        types: ['permission'],
        alsoContained: ['runtime'],
        breachText: 'mounted a tmpfs on',
      };
      expect(judge(observation([step(blocked)]), expectation)).toEqual([]);
      expect(judge(observation([step(breached)]), expectation)[0]).toMatchObject({
        observed: 'an error of type runtime',
        expected: expect.stringContaining('without "mounted a tmpfs on"') as unknown,
      });
      expect(judge(observation([step(blocked)]), { oracle: 'error-type-is', types: ['permission'] })).toHaveLength(1);
      expect(judge(observation([step(result('ran to the end'))]), expectation)[0]).toMatchObject({
        observed: 'success',
      });
    },
  );

  it('executor-survives: judged from the probe the harness ran itself', () => {
    expect(
      judge(observation([], { collected: { 'executor-survives': { ok: true, detail: 'ok', at: 1, elapsedMs: 5 } } }), {
        oracle: 'executor-survives',
      }),
    ).toEqual([]);
    expect(
      judge(
        observation([], {
          collected: { 'executor-survives': { ok: false, detail: 'probe timed out', at: 1, elapsedMs: 5 } },
        }),
        { oracle: 'executor-survives' },
      )[0],
    ).toMatchObject({ channel: 'executor-process' });
  });

  it('no-state-bleed: the nonce of an earlier step in an observed step', () => {
    const plant = step(result(''), { id: 'plant' });
    const later = (text: string) => step(result(text), { id: 'later', executionId: 'x-2' });
    expect(judge(observation([plant, later('clean')]), { oracle: 'no-state-bleed', observe: ['later'] })).toEqual([]);
    expect(
      judge(observation([plant, later('got nonce-abcdefghijklmnop')]), {
        oracle: 'no-state-bleed',
        observe: ['later'],
      })[0],
    ).toMatchObject({ step: 'later', channel: 'stdout' });
  });

  it('output-capped: more than the cap, or over the cap and not marked truncated', () => {
    const cap = defaultPolicy.output.stdoutBytes;
    expect(judge(observation([step(result('x'.repeat(cap)))]), { oracle: 'output-capped' })).toEqual([]);
    expect(judge(observation([step(result('x'.repeat(cap + 1)))]), { oracle: 'output-capped' })[0]).toMatchObject({
      channel: 'stdout',
      observed: `${cap + 1} bytes`,
    });
    const silentCut = result('x'.repeat(10));
    if (silentCut.kind === 'result') silentCut.result.stdout.bytes = cap * 4;
    expect(judge(observation([step(silentCut)]), { oracle: 'output-capped' })[0]).toMatchObject({
      expected: 'truncated: true',
    });
  });

  it('audit-records-execution: an entry with the code hash, principal and outcome the harness saw', () => {
    const code = 'print()';
    const entry = {
      id: 'a-1',
      executionId: 'x-1',
      event: 'execution',
      codeSha256: createHash('sha256').update(code).digest('hex'),
      language: 'javascript',
      status: 'ok',
      tenantId: 'tenant-attacker',
      userId: 'mallory',
      time: new Date(0).toISOString(),
    } as unknown as AuditEntry;
    expect(
      judge(observation([step(result(''))], { audit: { entries: [entry] } }), { oracle: 'audit-records-execution' }),
    ).toEqual([]);
    expect(
      judge(observation([step(result(''))], { audit: { entries: [{ ...entry, status: 'error' } as AuditEntry] } }), {
        oracle: 'audit-records-execution',
      })[0],
    ).toMatchObject({ expected: 'ok', observed: 'error', channel: 'audit' });
    expect(
      judge(observation([step(result(''))], { audit: { entries: [] } }), { oracle: 'audit-records-execution' })[0]
        ?.message,
    ).toContain('no audit entry');
  });

  it('audit-records-execution: a refusal needs an execution.rejected entry with its error code', () => {
    const refused = step({ kind: 'rpc-error', code: -32004, message: 'Unsupported policy' }, { control: 'refusal' });
    const entry = {
      id: 'a-2',
      executionId: 'x-1',
      event: 'execution.rejected',
      status: 'rejected',
      errorCode: -32004,
      tenantId: 'tenant-attacker',
      userId: 'mallory',
      time: new Date(0).toISOString(),
    } as unknown as AuditEntry;
    const expectation: Expectation = { oracle: 'audit-records-execution' };
    expect(judge(observation([refused], { audit: { entries: [entry] } }), expectation)).toEqual([]);
    const wrongCode = { ...entry, errorCode: -32002 } as AuditEntry;
    expect(judge(observation([refused], { audit: { entries: [wrongCode] } }), expectation)[0]).toMatchObject({
      expected: '-32004',
      observed: '-32002',
    });
  });

  it("audit-out-of-reach: an audit entry's id or hash in what the code wrote fails", () => {
    const entry = {
      id: '5d1fdf15-eb5b-4f9c-ab9c-eb07f3f2bf97',
      hash: 'ab'.repeat(32),
      executionId: 'x-1',
      event: 'execution',
      tenantId: 'tenant-victim',
      time: new Date(0).toISOString(),
    } as unknown as AuditEntry;
    const expectation: Expectation = { oracle: 'audit-out-of-reach' };
    expect(
      judge(observation([step(result('no audit log within reach'))], { audit: { entries: [entry] } }), expectation),
    ).toEqual([]);
    for (const leaked of [entry.id, entry.hash])
      expect(
        judge(observation([step(result(`{"id":"${leaked}"}`))], { audit: { entries: [entry] } }), expectation)[0],
      ).toMatchObject({ oracle: 'audit-out-of-reach', channel: 'stdout', step: 'attack' });
  });

  it('audit-chain-intact: an empty chain after executions, or a read error, fails', () => {
    expect(
      judge(observation([step(result(''))], { collected: { 'audit-chain-intact': { entries: [], at: 1 } } }), {
        oracle: 'audit-chain-intact',
      })[0]?.message,
    ).toContain('empty');
    expect(
      judge(
        observation([step(result(''))], {
          collected: { 'audit-chain-intact': { entries: [], error: 'refused', at: 1 } },
        }),
        { oracle: 'audit-chain-intact' },
      )[0]?.message,
    ).toContain('could not be read');
  });

  it(
    'victim-unharmed: the victim step must end ok with its proof; a refusal, an error or a ' + 'missing proof fails',
    () => {
      const victim = (answer: StepAnswer, proofSeen = true) =>
        step(answer, { id: 'victim-probe', tenant: 'victim', proofSeen });
      const expectation: Expectation = { oracle: 'victim-unharmed', steps: ['victim-probe'] };
      expect(judge(observation([victim(result('1111222233334444'))]), expectation)).toEqual([]);
      expect(
        judge(observation([victim({ kind: 'rpc-error', code: -32002, message: 'Session not found' })]), expectation)[0],
      ).toMatchObject({ oracle: 'victim-unharmed', channel: 'rpc-error', step: 'victim-probe' });
      expect(judge(observation([victim(result(''), false)]), expectation)[0]?.message).toMatch(/lacks the proof/);
      const cancelled = result('', {
        status: 'error',
        error: { type: 'cancelled', message: 'Cancelled' },
      } as Partial<ExecuteResult>);
      expect(judge(observation([victim(cancelled, false)]), expectation)[0]?.message).toMatch(/cancelled/);
      expect(judge(observation([victim({ kind: 'no-answer', deadlineMs: 5 })]), expectation)).toEqual([]);
    },
  );

  it('rate-limited: more requests past the rate check than the bucket allows by then, or a throttled victim', () => {
    const rated = { ...capabilities, rateLimit: { burst: 10, perSecond: 5, scope: 'tenant' } } as Capabilities;
    const excess = { passed: 17, atMs: 1000, allowed: 16 };
    const flood = (victim: string, over?: typeof excess) =>
      observation([], {
        capabilities: rated,
        collected: {
          'rate-limited': {
            sent: 32,
            passed: 20,
            limited: 12,
            unanswered: 0,
            windowMs: 3000,
            victim,
            at: 1,
            ...(over ? { excess: over } : {}),
          },
        },
      });
    expect(judge(flood('passed'), { oracle: 'rate-limited' })).toEqual([]);
    expect(judge(flood('passed', excess), { oracle: 'rate-limited' })[0]?.message).toMatch(
      /not limited to the declared rate/,
    );
    expect(judge(flood('limited'), { oracle: 'rate-limited' })[0]?.message).toMatch(/another tenant was rate-limited/);
    const executorWide = { ...rated, rateLimit: { burst: 10, perSecond: 5, scope: 'executor' } } as Capabilities;
    expect(judge({ ...flood('limited'), capabilities: executorWide }, { oracle: 'rate-limited' })).toEqual([]);
  });

  it('host-processes-alive: a canary process that ended during the case fails; running ones and none pass', () => {
    const alive = { pid: 4242, alive: true };
    const killed = { pid: 4243, alive: false, ended: { signal: 'SIGKILL', code: null, at: 1_700_000_000_500 } };
    const expectation = { oracle: 'host-processes-alive' } as const;
    expect(judgeExpectation(observation([step(result('ok'))]), expectation)).toEqual([]);
    expect(judgeExpectation(observation([step(result('ok'))], { hostProcesses: [alive] }), expectation)).toEqual([]);
    const findings = judgeExpectation(
      observation([step(result('ok'))], { hostProcesses: [alive, killed] }),
      expectation,
    );
    expect(findings.map((f) => f.message)).toEqual([
      expect.stringMatching(/4243 .*ended during it \(signal SIGKILL\)/),
    ]);
  });
});

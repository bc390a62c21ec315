import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../../src/protocol/default-policy.js';
import type { Policy } from '../../../src/protocol/generated/types.js';
import { FaultSet } from '../faults/fault-registry.js';
import { maximums } from '../server/limits.js';
import { ToolValidator } from '../tools/tool-validator.js';
import { checkRequest, DENO_SUPPORT } from './check-policy.js';
import { checkSessionPolicy } from './check-session-policy.js';

const policy = (overrides: Partial<Policy> = {}): Policy => ({ ...defaultPolicy, ...overrides });

/** The code and data of what `work` throws, or undefined when it does not. */
function refusal(work: () => void): { code: number; reason?: unknown; pointers: string[] } | undefined {
  try {
    work();
    return undefined;
  } catch (error) {
    const { code, data } = error as { code: number; data?: Record<string, unknown> };
    const issues = (data?.['issues'] ?? []) as Array<{ pointer: string }>;
    const unsupported = (data?.['unsupported'] ?? []) as string[];
    return { code, reason: data?.['reason'], pointers: [...issues.map((i) => i.pointer), ...unsupported] };
  }
}

const check = (input: Parameters<typeof checkRequest>[0], faults = new FaultSet()) =>
  refusal(() => checkRequest(input, new ToolValidator(), faults, DENO_SUPPORT));

/** What the scenarios cannot ask (the harness fits its policies to the declared maximums and modes). */
describe('checkRequest', () => {
  it('accepts the default policy', () => {
    expect(check({ language: 'javascript', code: '1', policy: policy() })).toBeUndefined();
  });

  it('refuses an unknown language, too much code and values above the maximums with -32602', () => {
    expect(check({ language: 'shell', code: '1', policy: policy() })).toMatchObject({
      code: -32602,
      pointers: ['/language'],
    });
    expect(check({ language: 'javascript', code: 'x'.repeat(maximums.codeBytes + 1), policy: policy() })).toMatchObject(
      { code: -32602, pointers: ['/code'] },
    );
    const above = policy({ wallTimeMs: maximums.wallTimeMs + 1, memoryBytes: maximums.memoryBytes + 1 });
    expect(check({ language: 'python', code: '1', policy: above })).toMatchObject({
      code: -32602,
      pointers: ['/policy/wallTimeMs', '/policy/memoryBytes'],
    });
  });

  it('lets values above the maximums through under no-maximum-check', () => {
    const above = policy({ wallTimeMs: maximums.wallTimeMs + 1 });
    expect(check({ language: 'python', code: '1', policy: above }, new FaultSet(['no-maximum-check']))).toBeUndefined();
  });

  it('refuses subprocesses on the Deno backend with -32004 (fail closed)', () => {
    expect(check({ language: 'javascript', code: '1', policy: policy({ allowSubprocesses: true }) })).toMatchObject({
      code: -32004,
      pointers: ['/policy/allowSubprocesses'],
    });
  });
});

describe('checkSessionPolicy', () => {
  const session = policy({ filesystem: 'session' });

  it('accepts the same or a tighter policy', () => {
    expect(refusal(() => checkSessionPolicy(session, session))).toBeUndefined();
    expect(refusal(() => checkSessionPolicy(session, { ...session, wallTimeMs: 1000 }))).toBeUndefined();
  });

  it('refuses a looser member with -32602 and a changed file system mode with -32004', () => {
    expect(
      refusal(() => checkSessionPolicy(session, { ...session, wallTimeMs: session.wallTimeMs + 1 })),
    ).toMatchObject({ code: -32602, pointers: ['/policy/wallTimeMs'] });
    expect(refusal(() => checkSessionPolicy(session, { ...session, filesystem: 'ephemeral' }))).toMatchObject({
      code: -32004,
      pointers: ['/policy/filesystem'],
    });
  });

  it("refuses a lower memory cap with -32004 where the session's sandbox cannot lower its own", () => {
    const tighter = { ...session, memoryBytes: session.memoryBytes / 4 };
    expect(refusal(() => checkSessionPolicy(session, tighter, DENO_SUPPORT))).toBeUndefined();
    const container = { ...DENO_SUPPORT, lowersSessionMemory: false };
    expect(refusal(() => checkSessionPolicy(session, tighter, container))).toMatchObject({
      code: -32004,
      pointers: ['/policy/memoryBytes'],
    });
    expect(refusal(() => checkSessionPolicy(session, session, container))).toBeUndefined();
  });
});

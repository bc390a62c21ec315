import { describe, expect, it } from 'vitest';
import type { Capabilities } from '../protocol/generated/types.js';
import { defaultPolicy } from '../protocol/default-policy.js';
import { fitPolicy } from './fit-policy.js';
import { testCapabilities } from '../testing/test-capabilities.js';

const capabilities: Capabilities = testCapabilities({
  limits: { memory: 'none' },
  outputModes: ['kill'],
  subprocesses: { canDeny: false, canAllow: true },
  maximums: { wallTimeMs: 2000, stdoutBytes: 1024 },
});

describe('fitPolicy', () => {
  it('replaces each mode the executor does not declare with one it does, and lowers numbers to its maximums', () => {
    const fitted = fitPolicy(defaultPolicy, capabilities);
    expect(fitted).toMatchObject({
      filesystem: 'none',
      allowSubprocesses: true,
      wallTimeMs: 2000,
      memoryBytes: defaultPolicy.memoryBytes,
      network: { mode: 'none' },
    });
    expect(fitted.output).toEqual({
      stdoutBytes: 1024,
      stderrBytes: defaultPolicy.output.stderrBytes,
      resultBytes: defaultPolicy.output.resultBytes,
      onExceed: 'kill',
    });
  });

  it('keeps every member the executor declares', () => {
    const all: Capabilities = {
      ...capabilities,
      filesystem: ['none', 'ephemeral'],
      outputModes: ['truncate', 'kill'],
      subprocesses: { canDeny: true, canAllow: true },
      maximums: { ...capabilities.maximums, wallTimeMs: 60_000, stdoutBytes: 1 << 20 },
    };
    expect(fitPolicy(defaultPolicy, all)).toEqual(defaultPolicy);
  });
});

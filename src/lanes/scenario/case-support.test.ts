import { describe, expect, it } from 'vitest';
import type { Capabilities, InitializeResult } from '../../protocol/generated/types.js';
import { defaultPolicy } from '../../protocol/default-policy.js';
import { testScenario } from '../../testing/test-suite-plan.js';
import { testCapabilities } from '../../testing/test-capabilities.js';
import { unsupportedReason } from './case-support.js';
import { fitPolicy } from '../../runner/fit-policy.js';
import type { RunServices } from '../../runner/run-services.js';

const capabilities: Capabilities = testCapabilities({ limits: { memory: 'none' } });
const initialize: InitializeResult = {
  protocolVersion: '1.0',
  executorInfo: { name: 'test', version: '0', isolation: 'process' },
  languages: [{ id: 'javascript' }],
  capabilities,
};
const services = {
  initialize,
  basePolicy: fitPolicy(defaultPolicy, capabilities),
  canaryTarget: { startedByGauntlet: true, sameHost: true, settings: {} },
} as unknown as RunServices;
const payloads = { javascript: 'console.log({{proof}});' };

describe('unsupportedReason reads the case policy against the declarations', () => {
  it('a scenario that sets a memory cap needs memory-limit: memory none is unsupported, as in the fuzz lane', () => {
    const scenario = testScenario('denial-of-service.test.memory', {
      policy: { memoryBytes: 64 << 20 },
      payloads,
      expect: [{ oracle: 'executor-survives' }],
    }).scenario;
    expect(unsupportedReason(scenario, 'javascript', services)).toMatch(/memory-limit/);
  });

  it('a step asking for a mode the executor lacks (kill, scratch files) is unsupported; the fitted default not', () => {
    const kill = testScenario('denial-of-service.test.kill', {
      policy: { output: { stdoutBytes: 1024, stderrBytes: 1024, resultBytes: 1024, onExceed: 'kill' } },
      payloads,
      expect: [{ oracle: 'executor-survives' }],
    }).scenario;
    expect(unsupportedReason(kill, 'javascript', services)).toMatch(/output-kill/);
    const files = testScenario('tampering.test.files', {
      steps: [{ id: 'attack', policy: { filesystem: 'ephemeral' } }],
      payloads,
      expect: [{ oracle: 'executor-survives' }],
    }).scenario;
    expect(unsupportedReason(files, 'javascript', services)).toMatch(/filesystem-ephemeral/);
    const plain = testScenario('tampering.test.plain', {
      payloads,
      expect: [{ oracle: 'executor-survives' }],
    }).scenario;
    expect(unsupportedReason(plain, 'javascript', services)).toBeUndefined();
  });
});

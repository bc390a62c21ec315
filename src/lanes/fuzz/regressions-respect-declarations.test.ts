import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TokenSource } from '../../canaries/token-source.js';
import type { InitializeResult } from '../../protocol/generated/types.js';
import { defaultPolicy } from '../../protocol/default-policy.js';
import { testCapabilities } from '../../testing/test-capabilities.js';
import type { FuzzContext, FuzzEnvironment } from './fuzz-context.js';
import { defineProperty } from './fuzz-property.js';
import { held } from './fuzz-verdict.js';
import { redaction } from './properties/redaction.js';
import { runProperty } from './run-property.js';
import { fuzzCase } from './fuzz-case.js';
import { fuzzLane } from './fuzz-lane.js';
import type { RunServices } from '../../runner/run-services.js';

const ROOT = join(import.meta.dirname, '../../..');

const initialize: InitializeResult = {
  protocolVersion: '1.0',
  executorInfo: { name: 'test', version: '0', isolation: 'process' },
  languages: [{ id: 'javascript' }],
  capabilities: testCapabilities({
    redaction: { supported: true, credentialShapes: ['aws-access-key'] },
  }),
};
const environment = (change: (i: InitializeResult) => InitializeResult = (i) => i): FuzzEnvironment => ({
  initialize: change(structuredClone(initialize)),
  tenants: {} as FuzzEnvironment['tenants'],
  basePolicy: defaultPolicy,
  language: 'javascript',
});
const committed = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../../scenarios/regressions/redaction-undeclared-aws-key.json'), 'utf8'),
) as { input: unknown };

describe('committed regressions replay only where they apply', () => {
  it('the saved aws-key redaction regression applies to a JavaScript executor declaring the shape only', () => {
    const input = redaction.decode ? redaction.decode(committed.input) : committed.input;
    expect(redaction.appliesTo?.(input, environment())).toBeUndefined();
    expect(
      redaction.appliesTo?.(
        input,
        environment((i) => ({
          ...i,
          capabilities: { ...i.capabilities, redaction: { ...i.capabilities.redaction, credentialShapes: [] } },
        })),
      ),
    ).toMatch(/credential shape aws-access-key/);
  });

  it('a regression joins the case of its language (javascript by default), unsupported where undeclared', async () => {
    const known = await fuzzLane.cases(
      {},
      {
        seed: '0',
        basePolicy: defaultPolicy,
        graceMs: 0,
        packageRoot: ROOT,
        cwd: ROOT,
        corpusRoot: join(ROOT, 'scenarios'),
        startedByGauntlet: true,
        scenarios: [],
        runArgs: [],
      },
    );
    expect(known.map((c) => c.info.id)).toContain('fuzz/redaction@javascript');
    const pythonOnly = { ...initialize, languages: [{ id: 'python' as const }] };
    const attempt = await fuzzCase(redaction, 'javascript', {
      timeLimitMs: 1000,
      known: [{ source: 'a.json', input: committed.input }],
      replayCommand: () => '',
    }).run({
      caseId: 'fuzz/redaction@javascript',
      attempt: 1,
      signal: new AbortController().signal,
      services: { seed: '0', initialize: pythonOnly } as unknown as RunServices,
    });
    expect(attempt).toMatchObject({
      status: 'unsupported',
      reason: expect.stringMatching(/does not run javascript/) as string,
    });
  });

  it('runProperty skips a known counterexample that does not apply, without checking it, and says why', async () => {
    const checked: unknown[] = [];
    const property = defineProperty<string>({
      name: 'probe',
      title: 'probe',
      stride: 'tampering',
      severity: 'low',
      tags: [],
      remediation: '-',
      runs: 1,
      appliesTo: (input) => (input === 'foreign' ? 'needs a language the executor lacks' : undefined),
      arbitrary: () => fc.constant('generated'),
      check: async (input) => {
        checked.push(input);
        return held;
      },
    });
    const context = {
      ...environment(),
      graceMs: 0,
      signal: new AbortController().signal,
      connection: () => Promise.reject(new Error('unused')),
      discard: () => undefined,
      proofs: new TokenSource('0', 'fuzz/test'),
    } satisfies FuzzContext;
    const run = await runProperty(property, environment(), context, {
      seed: 1,
      runs: 1,
      timeLimitMs: 1000,
      onlyKnown: true,
      known: [
        { source: 'a.json', input: 'foreign' },
        { source: 'b.json', input: 'local' },
      ],
    });
    expect(run).toMatchObject({
      status: 'held',
      known: 1,
      notApplicable: ['a.json: needs a language the executor lacks'],
    });
    expect(checked).toEqual(['local']);
  });
});

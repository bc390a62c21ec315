import { describe, expect, it } from 'vitest';
import type { InitializeResult } from '../protocol/generated/types.js';
import type { CaseInfo, CaseResult, Report } from '../report/generated/types.js';
import { fixtureReport } from '../testing/fixtures/reports/fixture-report.js';
import type { Profile } from './generated/types.js';
import { judgeProfiles } from './judge-profiles.js';
import { loadProfiles, shippedProfiles } from './load-profiles.js';
import { belongsToProfile } from './profile-members.js';
import { testCapabilities } from '../testing/test-capabilities.js';
import { packageInfo } from '../config/package-root.js';

const root = packageInfo().root;

const strong: InitializeResult = {
  protocolVersion: '1.0',
  executorInfo: { name: 'x', version: '1', isolation: 'process' },
  languages: [{ id: 'javascript' }, { id: 'python' }],
  capabilities: testCapabilities({ filesystem: ['ephemeral'] }),
};

/** A small profile over the fixture report's denial-of-service scenarios. */
const dos: Profile = {
  id: 'dos',
  title: 'DoS',
  promise: 'A pass means the executor stops code that runs too long or uses too much memory.',
  languages: 'declared',
  requires: [{ limit: 'memory', enforcement: 'hard' }],
  include: [{ stride: ['denial-of-service'] }],
};

function report(
  initialize: InitializeResult,
  status: (info: CaseInfo) => CaseResult['outcome']['status'],
): Omit<Report, 'gate' | 'profiles'> {
  const { gate: _gate, ...base } = fixtureReport({ statusOf: () => 'passed' });
  const cases = base.cases.map((c) => {
    const s = status(c.case);
    const outcome =
      s === 'failed'
        ? { status: s, findings: [{ oracle: 'x', message: 'leak', at: '2026-01-01T00:00:00Z' }] }
        : s === 'passed'
          ? { status: s }
          : { status: s, reason: 'why' };
    return { ...c, outcome } as CaseResult;
  });
  return { ...base, target: { ...base.target, initialize }, cases };
}

describe('judgeProfiles', () => {
  it('passes a profile whose requirements are declared and whose cases all passed', () => {
    const [result] = judgeProfiles(
      [dos],
      report(strong, () => 'passed'),
      [],
    );
    expect(result).toMatchObject({
      id: 'dos',
      status: 'passed',
      reasons: [],
      notSelected: 0,
      languages: ['javascript', 'python'],
    });
    expect(result!.cases.length).toBe(4);
    expect(result!.judged).toBe(4);
  });

  it('fails on a capability the executor does not declare, with the evidence of what it declares', () => {
    const weak = {
      ...strong,
      capabilities: testCapabilities({ filesystem: ['ephemeral'], limits: { memory: 'none' } }),
    };
    const [result] = judgeProfiles(
      [dos],
      report(weak, () => 'passed'),
      [],
    );
    expect(result!.status).toBe('failed');
    expect(result!.reasons).toEqual(['declares memory: none; profile dos requires hard']);
  });

  it('fails when one of its cases is unsupported (default allowance 0), errored or failed', () => {
    const oneUnsupported = judgeProfiles(
      [dos],
      report(strong, (i) =>
        i.id.startsWith('denial-of-service.cpu') && i.language === 'python' ? 'unsupported' : 'passed',
      ),
      [],
    )[0]!;
    expect(oneUnsupported.status).toBe('failed');
    expect(oneUnsupported.reasons).toEqual(['1 of 4 cases unsupported (25%); profile dos allows 0%']);
    const errored = judgeProfiles(
      [dos],
      report(strong, (i) => (i.language === 'python' ? 'errored' : 'passed')),
      [],
    )[0]!;
    expect(errored.reasons.join('\n')).toContain('errored');
    const failed = judgeProfiles(
      [dos],
      report(strong, (i) => (i.severity === 'high' ? 'failed' : 'passed')),
      [],
    )[0]!;
    expect(failed.reasons.join('\n')).toMatch(/severity high: 0\.0% passed, profile dos requires 100%/);
    const allowed = judgeProfiles(
      [{ ...dos, maxUnsupportedShare: 0.5 }],
      report(strong, (i) => (i.language === 'python' ? 'unsupported' : 'passed')),
      [],
    )[0]!;
    expect(allowed.status).toBe('passed');
  });

  it('leaves cases in languages the executor does not declare out of a "declared" profile', () => {
    const jsOnly: InitializeResult = { ...strong, languages: [{ id: 'javascript' }] };
    const result = judgeProfiles(
      [dos],
      report(jsOnly, (i) => (i.language === 'python' ? 'unsupported' : 'passed')),
      [],
    )[0]!;
    expect(result).toMatchObject({ status: 'passed', languages: ['javascript'] });
    expect(result.cases.every((id) => id.endsWith('@javascript'))).toBe(true);
  });

  it(
    'is partial, not passed, when the selection left some of its cases out, and failed when ' + 'nothing was judged',
    () => {
      const full = report(strong, () => 'passed');
      const planned = full.cases.map((c) => c.case);
      const narrowed = { ...full, cases: full.cases.filter((c) => !c.case.id.startsWith('denial-of-service.cpu')) };
      expect(judgeProfiles([dos], narrowed, planned)[0]).toMatchObject({ status: 'partial', notSelected: 2 });
      const none = { ...full, cases: [] };
      expect(judgeProfiles([dos], none, [])[0]!.reasons).toContain('no case of the profile was judged');
    },
  );
});

describe('the shipped profiles', () => {
  it('all load and validate, each with a plain-language promise', () => {
    const ids = shippedProfiles(root);
    expect(ids).toEqual([
      'audit',
      'container',
      'core',
      'multi-tenant',
      'network-allowlist',
      'redaction',
      'sessions',
      'tools',
    ]);
    for (const profile of loadProfiles(ids, { packageRoot: root, baseDir: root }))
      expect(profile.promise.length).toBeGreaterThan(200);
  });

  it(
    'core takes one-shot attacks and leaves session, tool, audit, redaction and container ' +
      'scenarios to their profiles',
    () => {
      const [core] = loadProfiles(['core'], { packageRoot: root, baseDir: root });
      const info = (scenarioId: string, stride: CaseInfo['stride'], tags: string[]): CaseInfo => ({
        id: `${scenarioId}@python`,
        kind: 'scenario',
        lane: 'parallel',
        title: scenarioId,
        scenarioId,
        stride,
        language: 'python',
        tags,
      });
      expect(
        belongsToProfile(core!, info('denial-of-service.memory.array-bomb', 'denial-of-service', ['memory'])),
      ).toBe(true);
      expect(
        belongsToProfile(
          core!,
          info('elevation-of-privilege.container.running-as-root', 'elevation-of-privilege', ['container']),
        ),
      ).toBe(false);
      expect(belongsToProfile(core!, info('spoofing.tools.ungranted-tool-call', 'spoofing', ['tools']))).toBe(false);
      expect(
        belongsToProfile(
          core!,
          info('information-disclosure.output.secret-hex', 'information-disclosure', ['redaction']),
        ),
      ).toBe(false);
    },
  );

  it('refuses "none" with another profile, an unknown name and a profile whose id is not its file name', () => {
    expect(() => loadProfiles(['none', 'core'], { packageRoot: root, baseDir: root })).toThrow(/cannot be combined/);
    expect(() => loadProfiles(['nope'], { packageRoot: root, baseDir: root })).toThrow(/no profile named "nope"/);
    expect(loadProfiles(['none'], { packageRoot: root, baseDir: root })).toEqual([]);
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packageInfo } from '../config/package-root.js';
import type { RunnableCase } from '../runner/runnable-case.js';
import { planProfiles } from './plan-profiles.js';
import { parseRunArguments } from './run-arguments.js';

const root = packageInfo().root;
const dir = mkdtempSync(join(tmpdir(), 'gauntlet-plan-profiles-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const scenario = (scenarioId: string, stride: 'denial-of-service' | 'spoofing', tags: string[]): RunnableCase => ({
  info: {
    id: `${scenarioId}@javascript`,
    kind: 'scenario',
    lane: 'parallel',
    title: scenarioId,
    scenarioId,
    stride,
    language: 'javascript',
    tags,
  },
  deadlineMs: 1000,
  exclusive: false,
  cost: 'cpu',
  run: () => Promise.reject(new Error('not run in this test')),
});
const all = [
  scenario('denial-of-service.memory.array-bomb', 'denial-of-service', ['memory']),
  scenario('spoofing.tools.ungranted-tool-call', 'spoofing', ['tools']),
];

describe('planProfiles', () => {
  it('defaults to core: only its cases, plus one requirement case per capability it requires', () => {
    const planned = planProfiles(parseRunArguments([]), undefined, dir, root, all);
    expect(planned.names).toEqual(['core']);
    expect(planned.cases.map((c) => c.info.scenarioId)).toEqual(['denial-of-service.memory.array-bomb']);
    expect(planned.requirementCases.map((c) => c.info.id)).toEqual([
      'profile/core/limits.wallTime',
      'profile/core/limits.memory',
      'profile/core/limits.output',
      'profile/core/network',
      'profile/core/filesystem',
      'profile/core/outputModes',
      'profile/core/subprocesses.canDeny',
    ]);
    expect(planned.requirementCases.every((c) => c.info.severity === 'critical' && c.info.kind === 'profile')).toBe(
      true,
    );
  });

  it('takes --profile a,b over the config, and the config over the default; none keeps every case', () => {
    const config = {
      file: join(dir, 'gauntlet.config.json'),
      dir,
      config: { run: { profiles: ['tools'] } },
    } as Parameters<typeof planProfiles>[1];
    expect(planProfiles(parseRunArguments([]), config, dir, root, all).names).toEqual(['tools']);
    expect(planProfiles(parseRunArguments(['--profile', 'core,tools']), config, dir, root, all).cases).toHaveLength(2);
    const none = planProfiles(parseRunArguments(['--profile', 'none']), config, dir, root, all);
    expect(none).toMatchObject({ names: [], requirementCases: [] });
    expect(none.cases).toHaveLength(2);
    expect(none.judge).toBeUndefined();
  });

  it('loads a profile file by path, relative to the config, and reports an invalid one with its pointer', () => {
    writeFileSync(
      join(dir, 'strict.yaml'),
      'id: strict\ntitle: Strict\npromise: A pass means the executor stops runaway memory use in ' +
        'every language it runs.\nlanguages: [javascript, python]\nrequires: [{ limit: memory, ' +
        'enforcement: hard }]\ninclude: [{ tags: [memory] }]\n',
    );
    const config = {
      file: join(dir, 'gauntlet.config.json'),
      dir,
      config: { run: { profiles: ['strict.yaml'] } },
    } as Parameters<typeof planProfiles>[1];
    const planned = planProfiles(parseRunArguments([]), config, '/', root, all);
    expect(planned.requirementCases.map((c) => c.info.id)).toEqual([
      'profile/strict/limits.memory',
      'profile/strict/language.javascript',
      'profile/strict/language.python',
    ]);
    writeFileSync(
      join(dir, 'broken.yaml'),
      'id: broken\ntitle: Broken\npromise: too short\nlanguages: declared\nrequires: [{ limit: ' +
        'memory, enforcement: firm }]\ninclude: []\n',
    );
    expect(() =>
      planProfiles(parseRunArguments(['--profile', join(dir, 'broken.yaml')]), undefined, dir, root, all),
    ).toThrow(/broken\.yaml: invalid profile: \/promise: .*\/requires\/0/);
  });
});

import { describe, expect, it } from 'vitest';
import type { CaseInfo } from '../report/generated/types.js';
import type { RunnableCase } from './runnable-case.js';
import { selectCases } from './select-cases.js';
import { repeatCases, shardCases } from './shard-cases.js';

function fake(id: string, info: Partial<CaseInfo> = {}): RunnableCase {
  return {
    info: { id, kind: 'scenario', lane: 'parallel', title: `title of ${id}`, tags: [], ...info },
    deadlineMs: 1000,
    exclusive: false,
    cost: 'cpu',
    run: () => Promise.reject(new Error('not run')),
  };
}

const cases = [
  fake('information-disclosure.env.host-env@javascript', {
    stride: 'information-disclosure',
    severity: 'high',
    language: 'javascript',
    tags: ['env'],
  }),
  fake('information-disclosure.env.host-env@python', {
    stride: 'information-disclosure',
    severity: 'high',
    language: 'python',
    tags: ['env'],
  }),
  fake('denial-of-service.cpu.loop@javascript', {
    stride: 'denial-of-service',
    severity: 'medium',
    language: 'javascript',
    tags: ['limits'],
  }),
  fake('tampering.persistence.proto@typescript', {
    stride: 'tampering',
    severity: 'critical',
    language: 'typescript',
    tags: ['persistence', 'js'],
  }),
  fake('fuzz/protocol-messages', { kind: 'fuzz', lane: 'fuzz', title: 'protocol messages survive fuzzing' }),
];
const ids = (list: readonly RunnableCase[]) => list.map((c) => c.info.id);

describe('selectCases', () => {
  it('greps ids, titles and @tags; any --grep may match, no --grep-invert may', async () => {
    expect(ids(await selectCases(cases, { selection: { grep: ['host-env'] } }))).toEqual([
      cases[0]!.info.id,
      cases[1]!.info.id,
    ]);
    expect(ids(await selectCases(cases, { selection: { grep: ['@limits', 'FUZZING'] } }))).toEqual([
      cases[2]!.info.id,
      'fuzz/protocol-messages',
    ]);
    expect(
      ids(await selectCases(cases, { selection: { grep: ['host-env'], grepInvert: ['@python$', 'python'] } })),
    ).toEqual([cases[0]!.info.id]);
    expect(
      ids(await selectCases(cases, { selection: { grep: ['^information-disclosure\\.env\\.host-env@python$'] } })),
    ).toEqual([cases[1]!.info.id]);
  });

  it('filters by STRIDE category, severity, tag and language, all of them at once', async () => {
    expect(ids(await selectCases(cases, { selection: { stride: ['tampering', 'denial-of-service'] } }))).toEqual([
      cases[2]!.info.id,
      cases[3]!.info.id,
    ]);
    expect(
      ids(
        await selectCases(cases, {
          selection: { severity: ['high', 'critical'], languages: ['javascript', 'typescript'] },
        }),
      ),
    ).toEqual([cases[0]!.info.id, cases[3]!.info.id]);
    expect(ids(await selectCases(cases, { selection: { tags: ['js', 'env'], languages: ['python'] } }))).toEqual([
      cases[1]!.info.id,
    ]);
  });

  it('a catastrophic pattern is an error naming it within the deadline, not a hang', async () => {
    const started = performance.now();
    await expect(selectCases(cases, { selection: { grep: ['host', '^([a-z.@-]+)+X$'] } })).rejects.toThrow(
      '--grep: the pattern "^([a-z.@-]+)+X$" did not finish matching 5 cases within 3000 ms',
    );
    expect(performance.now() - started).toBeLessThan(10_000);
    await expect(selectCases(cases, { selection: { grepInvert: ['(x+x+)+y'] } })).resolves.toHaveLength(cases.length);
  });

  it('keeps only the ids of --last-failed', async () => {
    expect(
      ids(await selectCases(cases, { selection: { lastFailed: true }, ids: new Set([cases[2]!.info.id]) })),
    ).toEqual([cases[2]!.info.id]);
  });
});

describe('shardCases and repeatCases', () => {
  const many = Array.from({ length: 23 }, (_, i) => fake(`tampering.x.case-${String(i).padStart(2, '0')}@javascript`));

  it('splits deterministically into disjoint shards that cover every case, whatever the input order', () => {
    const shards = [1, 2, 3, 4].map((i) => ids(shardCases(many, i, 4)));
    expect(shards.flat().sort()).toEqual(ids(many).sort());
    expect(new Set(shards.flat()).size).toBe(many.length);
    expect(shards.map((s) => s.length)).toEqual([6, 6, 6, 5]);
    expect(ids(shardCases([...many].reverse(), 2, 4))).toEqual(shards[1]);
  });

  it('repeats each case with #n ids, and leaves a single run alone', () => {
    expect(ids(repeatCases(cases.slice(0, 2), 2))).toEqual([
      `${cases[0]!.info.id}#1`,
      `${cases[0]!.info.id}#2`,
      `${cases[1]!.info.id}#1`,
      `${cases[1]!.info.id}#2`,
    ]);
    expect(repeatCases(cases, 1)).toEqual(cases);
  });
});

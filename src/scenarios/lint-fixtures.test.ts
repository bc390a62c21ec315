import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintScenarios } from './lint-scenarios.js';
import { loadScenarios } from './load-scenarios.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');

/** Each invalid fixture starts with `# expect: RULE [POINTER]` (or `none` for the partner of a duplicate). */
function expectation(root: string, file: string): { rule: string; pointer?: string } {
  const first = readFileSync(join(root, file), 'utf8').split('\n')[0] ?? '';
  const match = /^# expect: (\S+)(?: (\S+))?$/.exec(first);
  if (!match) throw new Error(`${file} lacks its "# expect: RULE [POINTER]" line`);
  return { rule: match[1]!, ...(match[2] ? { pointer: match[2] } : {}) };
}

describe('the scenario linter', () => {
  it('rejects every invalid fixture with the rule (and JSON pointer) it was written for', () => {
    const root = join(FIXTURES, 'invalid');
    const corpus = loadScenarios(root);
    const issues = [...corpus.issues, ...lintScenarios(corpus.scenarios).issues];
    const files = [...new Set([...corpus.scenarios.map((s) => s.file), ...corpus.issues.map((i) => i.file)])].sort();
    expect(files.length).toBe(corpus.fileCount);
    expect(corpus.fileCount).toBeGreaterThanOrEqual(15);
    for (const file of files) {
      const wanted = expectation(root, file);
      const own = issues.filter((issue) => issue.file === file);
      if (wanted.rule === 'none') {
        expect.soft(own, file).toEqual([]);
        continue;
      }
      expect
        .soft(
          own.map((i) => i.rule),
          file,
        )
        .toContain(wanted.rule);
      if (wanted.pointer)
        expect
          .soft(
            own.filter((i) => i.rule === wanted.rule).map((i) => i.pointer),
            file,
          )
          .toContain(wanted.pointer);
      for (const issue of own) expect.soft(issue.message.length, file).toBeGreaterThan(10);
    }
    // Every rule the linter has is exercised by at least one fixture.
    expect(new Set(issues.map((i) => i.rule))).toEqual(
      new Set([
        'yaml',
        'schema',
        'id-matches-path',
        'unique-id',
        'stride-matches-id',
        'placeholders-declared',
        'positive-control',
        'severity-band',
        'references-resolve',
        'policy-valid',
        'oracle-canaries',
        'runtime-apis-declared',
        'step-references',
      ]),
    );
  });

  it('names lines, so editors and CI logs can jump to the problem', () => {
    const corpus = loadScenarios(join(FIXTURES, 'invalid'));
    const marker = lintScenarios(corpus.scenarios).issues.find((i) => i.rule === 'positive-control');
    expect(marker).toMatchObject({
      file: 'information-disclosure/lint/no-marker.yaml',
      line: 11,
      pointer: '/payloads/javascript',
    });
  });

  it('says which oracle is unknown and which ones exist', () => {
    const corpus = loadScenarios(join(FIXTURES, 'invalid'));
    const unknown = corpus.issues.find((i) => i.file === 'information-disclosure/lint/unknown-oracle.yaml');
    expect(unknown?.message).toMatch(
      /^unknown oracle "trust-the-executor"; expected one of no-canary-leak, .*\bredacted\b/,
    );
  });

  it('accepts the valid fixture and the shipped corpus', () => {
    for (const root of [join(FIXTURES, 'valid'), join(import.meta.dirname, '../../scenarios')]) {
      const corpus = loadScenarios(root);
      expect(corpus.fileCount).toBeGreaterThan(0);
      expect([...corpus.issues, ...lintScenarios(corpus.scenarios).issues]).toEqual([]);
    }
  });
});

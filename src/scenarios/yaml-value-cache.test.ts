import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lintScenarios } from './lint-scenarios.js';
import { loadScenarios } from './load-scenarios.js';
import { YamlValueCache } from './yaml-value-cache.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const NO_MARKER = 'information-disclosure/lint/no-marker.yaml';

describe('loading scenarios through the YAML value cache', () => {
  let dir: string;
  let cache: YamlValueCache;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'yaml-cache-'));
    cache = new YamlValueCache(join(dir, 'cache'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const entryOf = (root: string, file: string) =>
    join(
      cache.dir!,
      `${createHash('sha256')
        .update(readFileSync(join(root, file)))
        .digest('hex')}.json`,
    );

  it('stores what valid files parsed to, and later loads give the same corpus from it', () => {
    const root = join(import.meta.dirname, '../../scenarios');
    const first = loadScenarios(root, cache);
    expect(readdirSync(cache.dir!)).toHaveLength(first.scenarios.length);
    const second = loadScenarios(root, cache);
    expect(second.digest).toBe(first.digest);
    expect(second.scenarios.map((s) => s.scenario)).toEqual(first.scenarios.map((s) => s.scenario));
  });

  it('reads the value from the cache, and still names lines for lint issues', () => {
    const root = join(dir, 'corpus');
    cpSync(join(FIXTURES, 'invalid'), root, { recursive: true });
    loadScenarios(root, cache);
    const entry = entryOf(root, NO_MARKER);
    const value = JSON.parse(readFileSync(entry, 'utf8')) as { title: string };
    writeFileSync(entry, JSON.stringify({ ...value, title: 'from the cache' }));
    const corpus = loadScenarios(root, cache);
    const loaded = corpus.scenarios.find((s) => s.file === NO_MARKER);
    expect(loaded?.scenario.title).toBe('from the cache');
    const marker = lintScenarios(corpus.scenarios).issues.find((i) => i.rule === 'positive-control');
    expect(marker).toMatchObject({ file: NO_MARKER, line: 11, pointer: '/payloads/javascript' });
  });

  it('parses the file again when an entry is damaged or no longer matches the schema', () => {
    const root = join(dir, 'corpus');
    cpSync(join(FIXTURES, 'valid'), root, { recursive: true });
    const fresh = loadScenarios(root, cache);
    const file = fresh.scenarios[0]!.file;
    for (const damage of ['{"title": 3', JSON.stringify({ title: 'no id, no steps' })]) {
      writeFileSync(entryOf(root, file), damage);
      const again = loadScenarios(root, cache);
      expect(again.issues).toEqual([]);
      expect(again.scenarios[0]!.scenario).toEqual(fresh.scenarios[0]!.scenario);
    }
  });

  it('keeps nothing for files that are not valid scenarios', () => {
    loadScenarios(join(FIXTURES, 'invalid'), cache);
    const corpus = loadScenarios(join(FIXTURES, 'invalid'), cache);
    const invalidFiles = new Set(corpus.issues.map((i) => i.file));
    for (const file of invalidFiles)
      expect(() => readFileSync(entryOf(join(FIXTURES, 'invalid'), file)), file).toThrow(/ENOENT/);
  });
});

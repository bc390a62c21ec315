import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogueStats, STATS_BEGIN, STATS_END, withStats } from './catalogue-stats.js';
import type { Scenario } from './generated/types.js';
import { loadScenarios } from './load-scenarios.js';

const repository = join(import.meta.dirname, '../..');

describe('catalogue statistics', () => {
  it('scenarios/README.md holds the statistics of the corpus as it is (npm run catalogue-stats)', () => {
    const corpus = loadScenarios(join(repository, 'scenarios'));
    expect(corpus.issues).toEqual([]);
    const readme = readFileSync(join(repository, 'scenarios/README.md'), 'utf8');
    const expected = withStats(readme, catalogueStats(corpus.scenarios.map((s) => s.scenario)));
    expect(expected, 'scenarios/README.md has no catalogue-stats markers').toBeDefined();
    const stale = 'the generated section of scenarios/README.md is stale: run npm run catalogue-stats';
    expect(readme === expected, stale).toBe(true);
  });

  it('counts a scenario in each of its languages, and shows an unclaimed seed threat as a gap', () => {
    const base = { stride: 'tampering', payloads: { javascript: 'x', python: 'y' } };
    const a = { ...base, id: 'tampering.x.a', seedThreats: ['sigil.wasm-cpu-loop'] } as unknown as Scenario;
    const b = { ...base, id: 'tampering.x.b', requires: { languages: ['python'] } } as unknown as Scenario;
    const text = catalogueStats([a, b]);
    expect(text).toContain('| `tampering` | 1 | 0 | 2 | 0 | 2 | 3 |');
    const sigil = '| sigil plugin sandbox | `sigil.wasm-cpu-loop`: a CPU loop inside WebAssembly still times out |';
    expect(text).toContain(`${sigil} 1 | \`tampering.x.a\` |`);
    expect(text).toContain('| SandboxEval | `sandboxeval.kill-processes`: killing other processes | 0 | **gap** |');
  });

  it('replaces only the text between the markers, and refuses a README without them', () => {
    const readme = `head\n${STATS_BEGIN}\nold\n${STATS_END}\ntail\n`;
    expect(withStats(readme, 'NEW')).toBe('head\nNEW\ntail\n');
    expect(withStats('no markers', 'NEW')).toBeUndefined();
  });
});

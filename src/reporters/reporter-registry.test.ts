import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureReport } from '../testing/fixtures/reports/fixture-report.js';
import { reporterRegistry } from './reporter-registry.js';

/** Formats whose bytes do not depend on a browser or Java, so run and report can be compared here. */
const PLAIN = ['junit', 'sarif', 'html', 'markdown', 'github'];

describe('reporter registry', () => {
  it('every reporter but the live ones (console, json) can be written from a finished report', () => {
    const live = [...reporterRegistry.values()]
      .filter((plugin) => plugin.projection === undefined)
      .map((plugin) => plugin.name);
    expect(live.sort()).toEqual(['console', 'json']);
    const files = [...reporterRegistry.values()].flatMap((plugin) =>
      plugin.projection ? [plugin.projection.file] : [],
    );
    expect(new Set(files).size).toBe(files.length);
  });

  it('a run (--reporter name=file) and `gauntlet report name` write the same bytes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gauntlet-registry-'));
    try {
      const report = fixtureReport({ statusOf: (i) => (i % 2 === 0 ? 'failed' : 'passed') });
      for (const name of PLAIN) {
        const plugin = reporterRegistry.get(name)!;
        const fromRun = join(dir, `run-${plugin.projection!.file}`);
        const fromReport = join(dir, `report-${plugin.projection!.file}`);
        await plugin
          .create({ outputDir: dir, outputFile: fromRun, print: () => undefined, interactive: false })
          .onRunEnd?.(report);
        await plugin.projection!.write(report, fromReport, { reportFile: join(dir, 'report.json') });
        const written = await readFile(fromRun, 'utf8');
        expect(written.length, name).toBeGreaterThan(100);
        expect(await readFile(fromReport, 'utf8'), name).toBe(written);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

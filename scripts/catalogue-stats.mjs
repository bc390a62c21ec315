#!/usr/bin/env node
// Writes the catalogue statistics (scenarios per STRIDE category and language, seed-system
// coverage) into scenarios/README.md between its markers. Run after `npm run build`.
// With --check it writes nothing and exits 1 when the README's section is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repository = dirname(dirname(fileURLToPath(import.meta.url)));
const { loadScenarios } = await import(join(repository, 'dist/src/scenarios/load-scenarios.js'));
const { catalogueStats, withStats } = await import(join(repository, 'dist/src/scenarios/catalogue-stats.js'));

// 1. Load the corpus; a file that does not load would be missing from the counts.
const corpus = loadScenarios(join(repository, 'scenarios'));
if (corpus.issues.length > 0) {
  for (const issue of corpus.issues) console.error(`${issue.file} ${issue.pointer}: ${issue.message}`);
  process.exit(2);
}
// 2. Render the section and splice it between the markers.
const readmePath = join(repository, 'scenarios/README.md');
const readme = readFileSync(readmePath, 'utf8');
const updated = withStats(readme, catalogueStats(corpus.scenarios.map((s) => s.scenario)));
if (updated === undefined) {
  console.error(`${readmePath}: the catalogue-stats markers are missing`);
  process.exit(2);
}
// 3. Check or write.
if (process.argv.includes('--check')) {
  if (updated !== readme) {
    console.error('scenarios/README.md: the catalogue statistics are stale; run npm run catalogue-stats');
    process.exit(1);
  }
} else if (updated !== readme) {
  writeFileSync(readmePath, updated);
  console.log('scenarios/README.md: catalogue statistics updated');
}

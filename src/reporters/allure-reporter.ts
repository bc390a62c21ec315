import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suppressedIds, verdictOf } from '../report/case-verdict.js';
import type { Report } from '../report/generated/types.js';
import { allureResult } from './allure/allure-result.js';
import { allureCategories, environmentProperties, executorInfo } from './allure/allure-extras.js';
import { checkSiteFolder } from './allure/claim-site-folder.js';
import { allureBin, generateAllureSite } from './allure/generate-allure-site.js';
import type { ReporterPlugin } from './reporter.js';

/** Files Allure adapters write; an old run's are removed so results never mix. */
const ALLURE_FILE =
  /-(result|container)\.json$|-attachment(\.\w+)?$|^(categories\.json|environment\.properties|executor\.json)$/;

/** Writes the Allure results folder of a report: results, attachments, categories, environment. */
export async function writeAllureResults(report: Report, dir: string): Promise<number> {
  await mkdir(dir, { recursive: true });
  const stale = (await readdir(dir)).filter((name) => ALLURE_FILE.test(name));
  for (let at = 0; at < stale.length; at += 256)
    await Promise.all(stale.slice(at, at + 256).map((name) => rm(join(dir, name), { force: true })));
  const suppressed = suppressedIds(report.gate);
  const known = new Map<string, string>();
  for (const a of report.gate.expectations ?? [])
    if (a.effect === 'suppressed')
      for (const id of a.cases)
        known.set(id, `${a.expectation.justification} (owner ${a.expectation.owner}, until ${a.expectation.expires})`);
  // Written in batches: one file at a time is slow, thousands at once exhaust file handles.
  for (let at = 0; at < report.cases.length; at += 64) {
    await Promise.all(
      report.cases.slice(at, at + 64).map(async (c) => {
        const { result, attachments } = allureResult(report, c, verdictOf(c, suppressed), known.get(c.case.id));
        await Promise.all(attachments.map((a) => writeFile(join(dir, a.source), a.content)));
        await writeFile(join(dir, `${(result as { uuid: string }).uuid}-result.json`), JSON.stringify(result));
      }),
    );
  }
  await writeFile(join(dir, 'categories.json'), JSON.stringify(allureCategories, null, 2));
  await writeFile(join(dir, 'environment.properties'), environmentProperties(report));
  await writeFile(join(dir, 'executor.json'), JSON.stringify(executorInfo(report), null, 2));
  return report.cases.length;
}

/**
 * Allure results (allure-results/): epic = STRIDE category, severity mapped, failed (vulnerable)
 * kept apart from broken (could not judge), flaky and known (suppressed) marked, evidence as
 * attachments. During a run it writes the results only (no Java needed); as a projection
 * (`gauntlet report allure`) it builds the Allure site from them, in a folder that must be new,
 * empty or a site Gauntlet built before.
 */
export const allureReporter: ReporterPlugin = {
  name: 'allure',
  description: 'Allure results folder (allure-results/): epic = STRIDE, failed vs broken, evidence attachments',
  projection: {
    file: 'allure-report',
    async write(report, output, { reportFile }) {
      // Names the package to add before anything is touched, when allure-commandline is missing.
      allureBin();
      await checkSiteFolder(output, [reportFile]);
      const results = await mkdtemp(join(tmpdir(), 'gauntlet-allure-results-'));
      try {
        await writeAllureResults(report, results);
        await generateAllureSite(results, output, { keep: [reportFile] });
      } finally {
        await rm(results, { recursive: true, force: true });
      }
    },
  },
  create: (options) => ({
    async onRunEnd(report) {
      await writeAllureResults(report, options.outputFile ?? join(options.outputDir, 'allure-results'));
    },
  }),
};

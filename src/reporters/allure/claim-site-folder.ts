import { lstat, readdir, realpath, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { HarnessError, HarnessErrorCode } from '../../errors/harness-error.js';

/** The file Gauntlet leaves in every Allure site it builds: the folder is then its to rebuild. */
export const SITE_MARKER = '.gauntlet-allure-site';

/** Everything allure-commandline 2 writes into a site folder. */
const ALLURE_SITE_ENTRIES = new Set([
  'index.html',
  'app.js',
  'styles.css',
  'favicon.ico',
  'assets',
  'data',
  'export',
  'history',
  'plugin',
  'plugins',
  'widgets',
]);

/**
 * Refuses a site folder that `allure generate --clean` must not empty: one that exists and is
 * not empty, unless it is an Allure site (Gauntlet's marker {@link SITE_MARKER}, or nothing but
 * what allure-commandline writes, as a site built before the marker existed), and never one that
 * holds `keep` (the input report). A new or empty folder is fine.
 */
export async function checkSiteFolder(dir: string, keep: readonly string[]): Promise<void> {
  const stat = await lstat(dir).catch(() => undefined);
  if (!stat) return;
  if (!stat.isDirectory())
    throw new HarnessError(
      HarnessErrorCode.ConfigInvalid,
      'is not a folder; the Allure site needs a new or empty folder',
      dir,
    );
  const real = await realpath(dir);
  for (const file of keep) {
    const inside = relative(real, await realpath(file).catch(() => file));
    if (!inside.startsWith(`..${sep}`) && inside !== '..' && !inside.startsWith(sep))
      throw new HarnessError(
        HarnessErrorCode.ConfigInvalid,
        `holds ${file}, which building the site would delete; give a new or empty folder`,
        dir,
      );
  }
  const entries = await readdir(dir);
  if (entries.length === 0 || entries.includes(SITE_MARKER)) return;
  if (
    entries.includes('index.html') &&
    entries.includes('widgets') &&
    entries.every((name) => ALLURE_SITE_ENTRIES.has(name))
  )
    return;
  const shown = entries.slice(0, 3).join(', ') + (entries.length > 3 ? ` and ${entries.length - 3} more` : '');
  throw new HarnessError(
    HarnessErrorCode.ConfigInvalid,
    `holds files that are not an Allure site Gauntlet built (${shown}); ` +
      'building the site empties the folder, so give a new or empty one',
    dir,
  );
}

/** Marks a freshly built site folder as Gauntlet's. */
export async function markSiteFolder(dir: string): Promise<void> {
  await writeFile(
    join(dir, SITE_MARKER),
    'An Allure site built by gauntlet report allure; rebuilding it empties this folder.\n',
  );
}

import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { HarnessError, HarnessErrorCode } from '../../errors/harness-error.js';
import { isMissing } from '../../packages/import-optional.js';
import { installHint } from '../../packages/optional-packages.js';
import { checkSiteFolder, markSiteFolder } from './claim-site-folder.js';
import { keepSiteOffline } from './keep-site-offline.js';

/**
 * The allure-commandline launcher shipped in its npm package (it runs the bundled jars on Java).
 * The package is optional: without it, PACKAGE_MISSING names the command that adds it.
 */
export function allureBin(resolve: (id: string) => string = createRequire(import.meta.url).resolve): string {
  try {
    return join(dirname(resolve('allure-commandline/package.json')), 'dist/bin/allure');
  } catch (error) {
    if (isMissing(error, 'allure-commandline'))
      throw new HarnessError(HarnessErrorCode.PackageMissing, installHint('allure-commandline'), 'allure-commandline', {
        cause: error,
      });
    throw error;
  }
}

/**
 * Builds the Allure HTML site from a results folder with allure-commandline (`allure generate
 * --clean`), within a deadline. Needs Java (17 on this project's machines). `--clean` empties
 * the folder, so only a new, empty or Gauntlet-built site folder is accepted (never one holding
 * a file of `keep`); the site is marked as Gauntlet's once built, and kept from contacting any
 * outside host when opened.
 */
export async function generateAllureSite(
  resultsDir: string,
  siteDir: string,
  options: { deadlineMs?: number; keep?: readonly string[] } = {},
): Promise<void> {
  const bin = allureBin();
  await checkSiteFolder(siteDir, options.keep ?? []);
  await runAllureGenerate(bin, resultsDir, siteDir, options.deadlineMs ?? 300_000);
  await keepSiteOffline(siteDir);
  await markSiteFolder(siteDir);
}

function runAllureGenerate(bin: string, resultsDir: string, siteDir: string, deadlineMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(
      bin,
      ['generate', resultsDir, '-o', siteDir, '--clean'],
      { timeout: deadlineMs, maxBuffer: 4 * 1024 * 1024 },
      (error, _stdout, stderr) => {
        if (!error) return resolve();
        const missingJava = /JAVA_HOME|java: not found|java: No such file/i.test(stderr);
        const detail = error.killed ? `no result within ${deadlineMs} ms` : stderr.slice(-2000) || error.message;
        reject(
          new HarnessError(
            HarnessErrorCode.Internal,
            missingJava
              ? 'allure needs Java: install a JRE (Java 17), e.g. apt-get install openjdk-17-jre-headless'
              : `allure generate failed: ${detail}`,
            resultsDir,
            { cause: error },
          ),
        );
      },
    );
  });
}

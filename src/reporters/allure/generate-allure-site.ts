import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { HarnessError, HarnessErrorCode } from '../../errors/harness-error.js';

/** The allure-commandline launcher shipped in the npm package (it runs the bundled jars on Java). */
export function allureBin(): string {
  return join(dirname(createRequire(import.meta.url).resolve('allure-commandline/package.json')), 'dist/bin/allure');
}

/**
 * Builds the Allure HTML site from a results folder with allure-commandline (`allure generate
 * --clean`), within a deadline. Needs Java (17 on this project's machines).
 */
export function generateAllureSite(resultsDir: string, siteDir: string, deadlineMs = 300_000): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(allureBin(), ['generate', resultsDir, '-o', siteDir, '--clean'], { timeout: deadlineMs, maxBuffer: 4 * 1024 * 1024 }, (error, _stdout, stderr) => {
      if (!error) return resolve();
      const missingJava = /JAVA_HOME|java: not found|java: No such file/i.test(stderr);
      const detail = error.killed ? `no result within ${deadlineMs} ms` : stderr.slice(-2000) || error.message;
      reject(new HarnessError(HarnessErrorCode.Internal, missingJava ? 'allure needs Java: install a JRE (Java 17), e.g. apt-get install openjdk-17-jre-headless' : `allure generate failed: ${detail}`, resultsDir, { cause: error }));
    });
  });
}

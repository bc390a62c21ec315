import { allureReporter } from './allure-reporter.js';
import { consoleReporter } from './console-reporter.js';
import { githubReporter } from './github-reporter.js';
import { htmlReporter } from './html-reporter.js';
import { jsonReporter } from './json-reporter.js';
import { junitReporter } from './junit-reporter.js';
import { markdownReporter } from './markdown-reporter.js';
import type { ReporterPlugin } from './reporter.js';
import { pdfReporter } from './pdf-reporter.js';
import { sarifReporter } from './sarif-reporter.js';

/** Every reporter, by the name --reporter uses. */
export const reporterRegistry: ReadonlyMap<string, ReporterPlugin> = new Map(
  [
    consoleReporter,
    jsonReporter,
    junitReporter,
    sarifReporter,
    htmlReporter,
    pdfReporter,
    allureReporter,
    githubReporter,
    markdownReporter,
  ].map((plugin) => [plugin.name, plugin]),
);

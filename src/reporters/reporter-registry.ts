import { consoleReporter } from './console-reporter.js';
import { jsonReporter } from './json-reporter.js';
import type { ReporterPlugin } from './reporter.js';

/** Every reporter, by the name --reporter uses. */
export const reporterRegistry: ReadonlyMap<string, ReporterPlugin> = new Map([consoleReporter, jsonReporter].map((plugin) => [plugin.name, plugin]));

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { HarnessError, HarnessErrorCode } from '../errors/harness-error.js';
import { formatIssues } from '../validation/schema-validator.js';
import { configValidator } from './config-validator.js';
import type { Config } from './generated/types.js';

/** A validated configuration and where it came from (relative paths in it are relative to `dir`). */
export interface LoadedConfig {
  file: string;
  dir: string;
  config: Config;
}

const NAMES = ['gauntlet.config.json', 'gauntlet.config.ts', 'gauntlet.config.mjs'];

/**
 * Loads `explicit`, or the first of gauntlet.config.json, .ts and .mjs in `cwd`;
 * undefined when there is none. Anything malformed is a CONFIG_INVALID error naming the file and
 * the JSON pointer of each problem.
 */
export async function loadConfig(cwd: string, explicit?: string): Promise<LoadedConfig | undefined> {
  const file = explicit
    ? resolve(cwd, explicit)
    : NAMES.map((name) => join(cwd, name)).find((path) => existsSync(path));
  if (!file) return undefined;
  if (!existsSync(file)) throw new HarnessError(HarnessErrorCode.ConfigInvalid, 'no such file', file);
  const value = file.endsWith('.ts')
    ? await importTypeScript(file)
    : file.endsWith('.mjs')
      ? await importDefault(file, file)
      : parseJson(file);
  const check = configValidator().validate('Config', value);
  if (!check.ok)
    throw new HarnessError(
      HarnessErrorCode.ConfigInvalid,
      `does not match schemas/config.schema.json: ${formatIssues(check.issues)}`,
      file,
    );
  return { file, dir: dirname(file), config: check.value };
}

function parseJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new HarnessError(HarnessErrorCode.ConfigInvalid, `not valid JSON: ${(error as Error).message}`, file, {
      cause: error,
    });
  }
}

/**
 * The default export of a TypeScript config, loaded with jiti: it transpiles the config and
 * every TypeScript module it imports in memory, resolving relative imports (`./targets.ts`,
 * `./targets` or `./targets.js` for a .ts file) and packages from the project's node_modules as
 * Node would. Nothing is written beside the config, and jiti's disk cache is off.
 */
async function importTypeScript(file: string): Promise<unknown> {
  const { createJiti } = await import('jiti');
  const jiti = createJiti(pathToFileURL(file).href, { fsCache: false, moduleCache: false, interopDefault: false });
  let loaded: { default?: unknown };
  try {
    loaded = await jiti.import<{ default?: unknown }>(file);
  } catch (error) {
    throw new HarnessError(HarnessErrorCode.ConfigInvalid, describeTypeScriptError(error, file), file, {
      cause: error,
    });
  }
  if (loaded.default === undefined)
    throw new HarnessError(HarnessErrorCode.ConfigInvalid, 'has no default export', file);
  return loaded.default;
}

/**
 * One line for a config that failed to load. jiti reports a syntax error as `ParseError: what`
 * with `file:line:column` (column from 0) on the next line; it becomes the line and 1-based column,
 * naming the imported module when the error is in one. Anything else keeps its first line.
 */
function describeTypeScriptError(error: unknown, config: string): string {
  const parse = /^ParseError: (.+?)\s*\n\s*(.+):(\d+):(\d+)\s*$/.exec(String((error as Error).message ?? ''));
  if (!parse) return `could not be loaded: ${firstLine(error)}`;
  const [, what, where, line, column] = parse;
  return (
    `TypeScript syntax error${where === config ? '' : ` in ${where}`} at line ${line}, column ` +
    `${Number(column) + 1}: ${what}`
  );
}

/** The first line of an error's message: a loader's message may go on with a code frame. */
function firstLine(error: unknown): string {
  return String((error as Error).message ?? error).split('\n')[0]!;
}

/** The default export of an ES module config; `file` is the config the user named, for errors. */
async function importDefault(module: string, file: string): Promise<unknown> {
  let loaded: { default?: unknown };
  try {
    loaded = (await import(pathToFileURL(module).href)) as { default?: unknown };
  } catch (error) {
    throw new HarnessError(HarnessErrorCode.ConfigInvalid, `could not be loaded: ${firstLine(error)}`, file, {
      cause: error,
    });
  }
  if (loaded.default === undefined)
    throw new HarnessError(HarnessErrorCode.ConfigInvalid, 'has no default export', file);
  return loaded.default;
}

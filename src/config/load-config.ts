import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
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
  const file = explicit ? resolve(cwd, explicit) : NAMES.map((name) => join(cwd, name)).find((path) => existsSync(path));
  if (!file) return undefined;
  if (!existsSync(file)) throw new HarnessError(HarnessErrorCode.ConfigInvalid, 'no such file', file);
  const value = file.endsWith('.ts') ? await importTypeScript(file) : file.endsWith('.mjs') ? await importDefault(file, file) : parseJson(file);
  const check = configValidator().validate('Config', value);
  if (!check.ok) throw new HarnessError(HarnessErrorCode.ConfigInvalid, `does not match schemas/config.schema.json: ${formatIssues(check.issues)}`, file);
  return { file, dir: dirname(file), config: check.value };
}

function parseJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new HarnessError(HarnessErrorCode.ConfigInvalid, `not valid JSON: ${(error as Error).message}`, file, { cause: error });
  }
}

/**
 * The default export of a TypeScript config. Node 20 cannot import .ts, so the file is
 * transpiled with the typescript package (a dev dependency of any project that writes one) into
 * a hidden module beside it, removed after the import: from there its imports resolve as the
 * user wrote them (`gauntlet` and other packages from the project's node_modules, neighbouring
 * .js/.mjs/.json files). Neighbouring .ts files cannot be imported this way; that needs a
 * TypeScript loader such as jiti.
 */
async function importTypeScript(file: string): Promise<unknown> {
  const ts = await import('typescript').catch(() => {
    throw new HarnessError(HarnessErrorCode.ConfigInvalid, 'a TypeScript config needs the typescript package installed; use gauntlet.config.mjs or .json otherwise', file);
  });
  const output = ts.default.transpileModule(readFileSync(file, 'utf8'), { compilerOptions: { module: ts.default.ModuleKind.ESNext, target: ts.default.ScriptTarget.ES2022 }, fileName: file, reportDiagnostics: true });
  // transpileModule repairs what it cannot parse and emits it anyway: a syntax error must stop here.
  const syntax = output.diagnostics?.[0];
  if (syntax) {
    const at = syntax.file && syntax.start !== undefined ? syntax.file.getLineAndCharacterOfPosition(syntax.start) : undefined;
    const message = ts.default.flattenDiagnosticMessageText(syntax.messageText, ' ');
    throw new HarnessError(HarnessErrorCode.ConfigInvalid, `TypeScript syntax error${at ? ` at line ${at.line + 1}, column ${at.character + 1}` : ''}: ${message}${output.diagnostics!.length > 1 ? ` (and ${output.diagnostics!.length - 1} more)` : ''}`, file);
  }
  const compiled = join(dirname(file), `.${basename(file, '.ts')}.${randomBytes(6).toString('hex')}.mjs`);
  try {
    await writeFile(compiled, output.outputText, { flag: 'wx' });
  } catch (error) {
    throw new HarnessError(HarnessErrorCode.ConfigInvalid, `could not write its compiled module beside it (${(error as Error).message}); use gauntlet.config.mjs or .json in a read-only folder`, file, { cause: error });
  }
  try {
    return await importDefault(compiled, file);
  } finally {
    await rm(compiled, { force: true });
  }
}

/** The default export of an ES module config; `file` is the config the user named, for errors. */
async function importDefault(module: string, file: string): Promise<unknown> {
  let loaded: { default?: unknown };
  try {
    loaded = (await import(pathToFileURL(module).href)) as { default?: unknown };
  } catch (error) {
    throw new HarnessError(HarnessErrorCode.ConfigInvalid, `could not be loaded: ${(error as Error).message.split('\n')[0]}`, file, { cause: error });
  }
  if (loaded.default === undefined) throw new HarnessError(HarnessErrorCode.ConfigInvalid, 'has no default export', file);
  return loaded.default;
}

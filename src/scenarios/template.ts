import { HarnessError, HarnessErrorCode } from '../errors/harness-error.js';

/** A `{{name}}` placeholder; names are dotted lower-case paths such as `canary.file.path`. */
const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9._-]*)\s*\}\}/g;

/** The names of every placeholder in `text`, in order of appearance, without duplicates. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

/**
 * Fills every placeholder of `text` from `variables`. An unknown name is a harness error: the
 * linter rejects undeclared placeholders, so reaching one here means the corpus was not linted.
 */
export function renderTemplate(text: string, variables: ReadonlyMap<string, string>, path?: string): string {
  return text.replace(PLACEHOLDER, (_match, name: string) => {
    const value = variables.get(name);
    if (value === undefined)
      throw new HarnessError(
        HarnessErrorCode.ScenarioInvalid,
        `placeholder {{${name}}} has no value in this case`,
        path,
      );
    return value;
  });
}

/** Renders every string inside a JSON-like value (policy overrides carry placeholders too). */
export function renderDeep<T>(value: T, variables: ReadonlyMap<string, string>, path?: string): T {
  if (typeof value === 'string') return renderTemplate(value, variables, path) as T;
  if (Array.isArray(value)) return value.map((item) => renderDeep(item, variables, path)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, renderDeep(item, variables, path)]),
    ) as T;
  }
  return value;
}

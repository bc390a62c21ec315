import type { InitializeResult } from '../../protocol/generated/types.js';

/** The languages among `wanted` that the executor declares in initialize, in the order given. */
export function declaredLanguages<L extends string>(initialize: InitializeResult, wanted: readonly L[]): L[] {
  return wanted.filter((language) => initialize.languages.some((l) => l.id === language));
}

/** Why a property whose payloads are JavaScript does not apply to this executor, if it does not: a case needing an absent language is unsupported (§4.4). */
export function javascriptMissing(initialize: InitializeResult): string | undefined {
  return declaredLanguages(initialize, ['javascript']).length === 0 ? 'the executor does not run javascript, the language of this property\'s payloads' : undefined;
}

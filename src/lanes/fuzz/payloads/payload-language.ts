import { HarnessError, HarnessErrorCode } from '../../../errors/harness-error.js';
import type { Language } from '../../../protocol/generated/types.js';
import type { FuzzContext, FuzzEnvironment } from '../fuzz-context.js';

/** The languages the fuzz properties write payloads in; TypeScript payloads are the JavaScript ones. */
export const PAYLOAD_LANGUAGES = ['javascript', 'typescript', 'python'] as const;
export type PayloadLanguage = (typeof PAYLOAD_LANGUAGES)[number];
/**
 * The languages of properties whose TypeScript payload would be their JavaScript one, character
 * for character: a TypeScript case would only repeat the JavaScript case.
 */
export const DISTINCT_PAYLOAD_LANGUAGES = ['javascript', 'python'] as const;

/** The two dialects a payload generator writes: JavaScript (TypeScript alike) and Python. */
export type PayloadDialect = 'js' | 'python';

export function dialectOf(language: Language): PayloadDialect {
  return language === 'python' ? 'python' : 'js';
}

/** The case's payload language; a property with languages always has one (fuzzCase sets it). */
export function payloadLanguage(environment: FuzzEnvironment | FuzzContext): PayloadLanguage {
  const language = environment.language;
  if (language === 'javascript' || language === 'typescript' || language === 'python') return language;
  const message = `a payload property ran without a payload language (got ${String(language)})`;
  throw new HarnessError(HarnessErrorCode.Internal, message, 'fuzz');
}

import { HarnessError, HarnessErrorCode } from '../../errors/harness-error.js';
import type { Language } from '../../protocol/generated/types.js';
import type { AnyFuzzProperty } from './fuzz-property.js';
import { inputValidation } from './properties/input-validation.js';
import { limitMemory } from './properties/limit-memory.js';
import { limitOutput } from './properties/limit-output.js';
import { limitWallTime } from './properties/limit-wall-time.js';
import { protocolRobustness } from './properties/protocol-robustness.js';
import { redaction } from './properties/redaction.js';
import { sessionIsolation } from './properties/session-isolation.js';

/** Every fuzz property, by name, in the order the lane runs them. */
export const fuzzRegistry: readonly AnyFuzzProperty[] = [
  protocolRobustness,
  inputValidation,
  redaction,
  sessionIsolation,
  limitWallTime,
  limitMemory,
  limitOutput,
];

/** The property with this name; a CONFIG_INVALID harness error naming the known ones otherwise. */
export function fuzzProperty(name: string): AnyFuzzProperty {
  const property = fuzzRegistry.find((p) => p.name === name);
  if (!property)
    throw new HarnessError(
      HarnessErrorCode.ConfigInvalid,
      `no fuzz property named ${JSON.stringify(name)}; known: ${fuzzRegistry.map((p) => p.name).join(', ')}`,
      `fuzz/${name}`,
    );
  return property;
}

/**
 * The language of a case of `property` that a regression file belongs to: none for a property that sends no code,
 * javascript for files that name none.
 */
export function regressionLanguage(property: AnyFuzzProperty, language: Language | undefined): Language | undefined {
  return property.languages?.length ? (language ?? 'javascript') : undefined;
}

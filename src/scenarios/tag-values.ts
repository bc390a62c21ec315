import { scenarioSchemas } from './generated/schemas.js';

/** Every `const` the scenario schema gives the member `tag` (the registered oracle names for `oracle`). */
export function tagValues(tag: string): string[] {
  const defs = (scenarioSchemas[0] as { $defs: Record<string, { properties?: Record<string, { const?: unknown }> }> })
    .$defs;
  return Object.values(defs).flatMap((def) => {
    const value = def.properties?.[tag]?.const;
    return typeof value === 'string' ? [value] : [];
  });
}

/** ajv's "value of tag X must be in oneOf" made useful: which value was given, which are known. */
export function explainTagIssue(message: string, valueAt: (member: string) => unknown): string {
  const tag = /^value of tag "([^"]+)" must be in oneOf$/.exec(message)?.[1];
  if (!tag) return message;
  return `unknown ${tag} ${JSON.stringify(valueAt(tag))}; expected one of ${tagValues(tag).join(', ')}`;
}

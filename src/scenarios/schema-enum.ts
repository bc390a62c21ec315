import { scenarioSchemas } from './generated/schemas.js';

type EnumDefinition = 'StrideCategory' | 'Severity' | 'CanaryKind' | 'Capability' | 'RuntimeApi';

/** The values of an enum definition of the scenario schema, for command-line checks and help. */
export function scenarioEnum(definition: EnumDefinition): readonly string[] {
  const defs = (scenarioSchemas[0] as { $defs: Record<string, { enum?: string[] }> }).$defs;
  return defs[definition]?.enum ?? [];
}

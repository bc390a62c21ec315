import { protocolSchemas } from '../protocol/generated/schemas.js';
import { gateSchemas } from '../gate/generated/schemas.js';
import { scenarioSchemas } from '../scenarios/generated/schemas.js';
import { SchemaValidator } from '../validation/schema-validator.js';
import { configSchemas } from './generated/schemas.js';
import type { ConfigDefs } from './generated/types.js';

let shared: SchemaValidator<ConfigDefs> | undefined;

/** The validator of gauntlet.config files (with the schemas they borrow from). */
export function configValidator(): SchemaValidator<ConfigDefs> {
  shared ??= new SchemaValidator<ConfigDefs>([
    ...protocolSchemas,
    ...scenarioSchemas,
    ...gateSchemas,
    ...configSchemas,
  ]);
  return shared;
}

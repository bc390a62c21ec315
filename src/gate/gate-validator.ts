import { protocolSchemas } from '../protocol/generated/schemas.js';
import { scenarioSchemas } from '../scenarios/generated/schemas.js';
import { SchemaValidator } from '../validation/schema-validator.js';
import { gateSchemas } from './generated/schemas.js';
import type { GateDefs } from './generated/types.js';

let shared: SchemaValidator<GateDefs> | undefined;

/** The validator of gate files: expectations, baselines and the gate section of the config. */
export function gateValidator(): SchemaValidator<GateDefs> {
  shared ??= new SchemaValidator<GateDefs>([...protocolSchemas, ...scenarioSchemas, ...gateSchemas]);
  return shared;
}

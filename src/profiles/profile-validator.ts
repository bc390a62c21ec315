import { protocolSchemas } from '../protocol/generated/schemas.js';
import { scenarioSchemas } from '../scenarios/generated/schemas.js';
import { SchemaValidator } from '../validation/schema-validator.js';
import { profileSchemas } from './generated/schemas.js';
import type { ProfileDefs } from './generated/types.js';

let shared: SchemaValidator<ProfileDefs> | undefined;

/** The validator of profile files (with the protocol and scenario schemas they borrow from). */
export function profileValidator(): SchemaValidator<ProfileDefs> {
  shared ??= new SchemaValidator<ProfileDefs>([...protocolSchemas, ...scenarioSchemas, ...profileSchemas]);
  return shared;
}

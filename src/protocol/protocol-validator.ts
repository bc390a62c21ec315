import { SchemaValidator } from '../validation/schema-validator.js';
import { protocolSchemas } from './generated/schemas.js';
import type { ProtocolDefs } from './generated/types.js';

let shared: SchemaValidator<ProtocolDefs> | undefined;

/** The validator of every protocol definition, compiled lazily and shared by the whole process. */
export function protocolValidator(): SchemaValidator<ProtocolDefs> {
  shared ??= new SchemaValidator<ProtocolDefs>(protocolSchemas);
  return shared;
}

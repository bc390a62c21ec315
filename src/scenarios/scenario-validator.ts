import { protocolSchemas } from '../protocol/generated/schemas.js';
import { SchemaValidator } from '../validation/schema-validator.js';
import { scenarioSchemas } from './generated/schemas.js';
import type { ScenarioDefs } from './generated/types.js';

let shared: SchemaValidator<ScenarioDefs> | undefined;

/**
 * The validator of scenario files. It loads the protocol schemas too, because scenarios borrow
 * protocol shapes (languages, policy members, error types) by $ref instead of restating them.
 */
export function scenarioValidator(): SchemaValidator<ScenarioDefs> {
  shared ??= new SchemaValidator<ScenarioDefs>([...protocolSchemas, ...scenarioSchemas]);
  return shared;
}

import { protocolSchemas } from '../protocol/generated/schemas.js';
import { gateSchemas } from '../gate/generated/schemas.js';
import { scenarioSchemas } from '../scenarios/generated/schemas.js';
import { SchemaValidator } from '../validation/schema-validator.js';
import { reportSchemas } from './generated/schemas.js';
import type { ReportDefs } from './generated/types.js';

let shared: SchemaValidator<ReportDefs> | undefined;

/** The validator of run reports (with the protocol and scenario schemas they borrow from). */
export function reportValidator(): SchemaValidator<ReportDefs> {
  shared ??= new SchemaValidator<ReportDefs>([
    ...protocolSchemas,
    ...scenarioSchemas,
    ...gateSchemas,
    ...reportSchemas,
  ]);
  return shared;
}

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { configValidator } from '../config/config-validator.js';
import type { Tenants } from '../config/generated/types.js';
import { HarnessError, HarnessErrorCode } from '../errors/harness-error.js';
import { formatIssues } from '../validation/schema-validator.js';

/** Reads --tenants FILE: `{ attacker: Principal, victim: Principal }`, validated by the config schema. */
export function loadTenantsFile(cwd: string, file: string): Tenants {
  const path = resolve(cwd, file);
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new HarnessError(
      HarnessErrorCode.ConfigInvalid,
      `cannot read the tenants: ${(error as Error).message}`,
      path,
      { cause: error },
    );
  }
  const check = configValidator().validate('Tenants', value);
  if (!check.ok)
    throw new HarnessError(
      HarnessErrorCode.ConfigInvalid,
      `does not match the Tenants of schemas/config.schema.json: ${formatIssues(check.issues)}`,
      path,
    );
  return check.value;
}

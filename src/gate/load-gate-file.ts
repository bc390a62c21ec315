import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { HarnessError, HarnessErrorCode } from '../errors/harness-error.js';
import { formatIssues } from '../validation/schema-validator.js';
import { gateValidator } from './gate-validator.js';
import type { Baseline, ExpectationsFile } from './generated/types.js';

/** Reads a YAML or JSON gate file and checks it against its schema definition. */
async function load<N extends 'Baseline' | 'ExpectationsFile'>(
  name: N,
  file: string,
): Promise<N extends 'Baseline' ? Baseline : ExpectationsFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new HarnessError(
      HarnessErrorCode.ConfigInvalid,
      `cannot read the ${name === 'Baseline' ? 'baseline' : 'expectations'} file: ${(error as Error).message}`,
      file,
      { cause: error },
    );
  }
  let value: unknown;
  try {
    value = /\.ya?ml$/i.test(file) ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    throw new HarnessError(
      HarnessErrorCode.ConfigInvalid,
      `not valid ${/\.ya?ml$/i.test(file) ? 'YAML' : 'JSON'}: ${(error as Error).message}`,
      file,
      { cause: error },
    );
  }
  const check = gateValidator().validate(name, value);
  if (!check.ok)
    throw new HarnessError(
      HarnessErrorCode.ConfigInvalid,
      `does not match schemas/gate.schema.json#/$defs/${name}: ${formatIssues(check.issues.slice(0, 10))}`,
      file,
    );
  return check.value as N extends 'Baseline' ? Baseline : ExpectationsFile;
}

/** Loads a baseline file (written by --update-baseline). */
export function loadBaseline(file: string): Promise<Baseline> {
  return load('Baseline', file);
}

/** Loads an executor's expectations file and checks it is meant for `target`. */
export async function loadExpectations(file: string, target: string): Promise<ExpectationsFile> {
  const expectations = await load('ExpectationsFile', file);
  if (expectations.executor !== target)
    throw new HarnessError(
      HarnessErrorCode.ConfigInvalid,
      `the expectations are for executor "${expectations.executor}", but the run's target is "${target}"`,
      `${file}#/executor`,
    );
  return expectations;
}

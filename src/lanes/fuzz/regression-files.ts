import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative } from 'node:path';
import { HarnessError, HarnessErrorCode } from '../../errors/harness-error.js';
import { formatIssues, SchemaValidator } from '../../validation/schema-validator.js';
import { regressionSchemas } from './generated/schemas.js';
import type { Regression, RegressionDefs } from './generated/types.js';

/** A committed counterexample and the file it came from. */
export interface LoadedRegression {
  file: string;
  regression: Regression;
}

let validator: SchemaValidator<RegressionDefs> | undefined;

/**
 * Reads every `*.json` regression under `dir`, in file-name order (so replays are stable). A file
 * that is not valid JSON or breaks the schema is a harness error naming the file and pointer:
 * a regression that silently stopped replaying would hide the weakness it was kept for.
 */
export function loadRegressions(dir: string, root: string): LoadedRegression[] {
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((n) => n.endsWith('.json'))
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new HarnessError(
      HarnessErrorCode.ConfigInvalid,
      `cannot read the regressions folder: ${(error as Error).message}`,
      dir,
      { cause: error },
    );
  }
  validator ??= new SchemaValidator<RegressionDefs>(regressionSchemas);
  return names.map((name) => {
    const path = join(dir, name);
    const file = relative(root, path) || path;
    let value: unknown;
    try {
      value = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    } catch (error) {
      throw new HarnessError(HarnessErrorCode.ScenarioInvalid, `not valid JSON: ${(error as Error).message}`, file, {
        cause: error,
      });
    }
    const check = validator!.validate('Regression', value);
    if (!check.ok)
      throw new HarnessError(
        HarnessErrorCode.ScenarioInvalid,
        `not a regression file: ${formatIssues(check.issues)}`,
        file,
      );
    return { file, regression: check.value };
  });
}

/**
 * Writes a new counterexample as `<property>-<hash of its input>.json` and returns its path. The
 * name depends on the input alone, so saving the same counterexample twice keeps one file.
 */
export function saveRegression(dir: string, regression: Regression): string {
  const hash = createHash('sha256')
    .update(`${regression.language ?? ''}${JSON.stringify(regression.input) ?? 'null'}`)
    .digest('hex')
    .slice(0, 12);
  const path = join(dir, `${regression.property}-${hash}.json`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path,
    `${JSON.stringify({ $schema: '../../schemas/regression.schema.json', ...regression }, null, 2)}\n`,
  );
  return path;
}

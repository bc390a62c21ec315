import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { formatIssues, toIssues } from '../../../src/validation/schema-validator.js';
import type { ValidationIssue } from '../../../src/protocol/generated/types.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

/**
 * Compiles tools' input schemas (JSON Schema 2020-12) and checks call arguments against them.
 * Schemas come from the harness, so ajv runs non-strict (unknown keywords are annotations);
 * compiled validators are cached by schema text.
 */
export class ToolValidator {
  readonly #ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
  readonly #cache = new Map<string, ValidateFunction>();

  /** Compiles a schema; returns why it cannot be compiled, or undefined when it can. */
  problem(schema: object): string | undefined {
    try {
      this.#compile(schema);
      return undefined;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }

  /** Issues of `args` against `schema`; empty when valid. */
  check(schema: object, args: unknown): ValidationIssue[] {
    const validate = this.#compile(schema);
    return validate(args) ? [] : toIssues(validate.errors ?? []);
  }

  static describe(issues: readonly ValidationIssue[]): string {
    return formatIssues(issues);
  }

  #compile(schema: object): ValidateFunction {
    const key = JSON.stringify(schema);
    let validate = this.#cache.get(key);
    if (!validate) {
      validate = this.#ajv.compile(schema);
      this.#cache.set(key, validate);
    }
    return validate;
  }
}

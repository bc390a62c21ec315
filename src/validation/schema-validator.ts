import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { ValidationIssue } from '../protocol/generated/types.js';

// ajv-formats is CommonJS; its default export arrives wrapped under NodeNext resolution.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

/** The outcome of validating a value: the value, typed, or every issue found. */
export type Validation<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

let sharedAjv: Ajv2020 | undefined;

function newAjv(): Ajv2020 {
  // validateSchema: false skips checking our own schemas against the meta-schema at every start
  // (each ajv compiled the meta-schema anew: ~0.25 s of CPU, paid by every CLI and executor
  // process). strict-schemas.test.ts checks every shipped schema against it instead.
  const ajv = new Ajv2020({
    strict: true,
    allErrors: true,
    discriminator: true,
    allowUnionTypes: true,
    validateSchema: false,
  });
  addFormats(ajv);
  return ajv;
}

/**
 * Validates values against the `$defs` of a set of JSON Schemas (2020-12). ajv runs in strict
 * mode with formats; each definition is compiled once, on first use, and reused.
 */
export class SchemaValidator<Defs extends object> {
  readonly #ajv: Ajv2020;
  readonly #compiled = new Map<string, ValidateFunction>();
  readonly #definitionIds = new Map<string, string>();

  constructor(schemas: readonly object[]) {
    // One ajv for every validator over the shipped schemas: the protocol's definitions, which
    // most of them borrow, are compiled once per process instead of once per validator. A schema
    // whose $id is taken by different content (never the case for the generated ones) gets an ajv
    // of its own.
    const shared = (sharedAjv ??= newAjv());
    const clash = schemas.some((schema) => {
      const known = shared.schemas[(schema as { $id: string }).$id];
      return known !== undefined && known.schema !== schema;
    });
    this.#ajv = clash ? newAjv() : shared;
    for (const schema of schemas) {
      const { $id, $defs } = schema as { $id: string; $defs?: Record<string, unknown> };
      if (this.#ajv.schemas[$id] === undefined) this.#ajv.addSchema(schema);
      for (const name of Object.keys($defs ?? {})) this.#definitionIds.set(name, `${$id}#/$defs/${name}`);
    }
  }

  /** Names of every definition this validator knows. */
  get definitions(): string[] {
    return [...this.#definitionIds.keys()];
  }

  /** Validates `value` against the definition `name`. */
  validate<N extends keyof Defs & string>(name: N, value: unknown): Validation<Defs[N]> {
    const check = this.#compile(name);
    if (check(value)) return { ok: true, value: value as Defs[N] };
    return { ok: false, issues: toIssues(check.errors ?? []) };
  }

  /** True when `value` matches the definition `name`. */
  is<N extends keyof Defs & string>(name: N, value: unknown): value is Defs[N] {
    return this.#compile(name)(value);
  }

  #compile(name: string): ValidateFunction {
    let check = this.#compiled.get(name);
    if (!check) {
      const id = this.#definitionIds.get(name);
      if (!id) throw new Error(`no schema definition named ${name}`);
      check = this.#ajv.getSchema(id);
      if (!check) throw new Error(`schema ${id} failed to compile`);
      this.#compiled.set(name, check);
    }
    return check;
  }
}

/** Turns ajv errors into issues with a JSON pointer and a message that says what was expected. */
export function toIssues(errors: readonly ErrorObject[]): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    // oneOf and if/then failures repeat what their branches already said.
    if (error.keyword === 'oneOf' || error.keyword === 'anyOf' || error.keyword === 'if') continue;
    const issue = { pointer: error.instancePath, message: describe(error) };
    const key = `${issue.pointer}\u0000${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(issue);
    if (issues.length >= 100) break;
  }
  if (issues.length === 0 && errors.length > 0) {
    issues.push({ pointer: errors[0]!.instancePath, message: describe(errors[0]!) });
  }
  return issues;
}

function describe(error: ErrorObject): string {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return `has unexpected member "${String(p['additionalProperty'])}"`;
    case 'required':
      return `is missing required member "${String(p['missingProperty'])}"`;
    case 'enum':
      return `must be one of ${(p['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'const':
      return `must be ${JSON.stringify(p['allowedValue'])}`;
    case 'type':
      return `must be of type ${String(p['type'])}`;
    case 'pattern':
      return `must match pattern ${String(p['pattern'])}`;
    default:
      return error.message ?? `fails ${error.keyword}`;
  }
}

/** Formats issues as `pointer: message` lines, with `(root)` for the empty pointer. */
export function formatIssues(issues: readonly ValidationIssue[]): string {
  return issues.map((i) => `${i.pointer === '' ? '(root)' : i.pointer}: ${i.message}`).join('; ');
}

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const root = join(import.meta.dirname, '../../schemas');

function schemaFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'examples' ? [] : schemaFiles(path);
    return entry.name.endsWith('.schema.json') ? [path] : [];
  });
}

/** A third party validates with a stock strict validator: no keyword of ours may be needed. */
describe('the shipped schemas', () => {
  it('match the 2020-12 meta-schema and compile in a strict Ajv 2020 that knows no custom keyword', () => {
    const files = schemaFiles(root);
    expect(files.length).toBeGreaterThan(10);
    const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, discriminator: true });
    addFormats(ajv);
    // The harness's own validators skip this check at run time (SchemaValidator): here it is made.
    for (const file of files) {
      const schema = JSON.parse(readFileSync(file, 'utf8')) as object;
      expect(ajv.validateSchema(schema), `${file}: ${ajv.errorsText(ajv.errors)}`).toBe(true);
      ajv.addSchema(schema);
    }
    for (const file of files) {
      const { $id } = JSON.parse(readFileSync(file, 'utf8')) as { $id: string };
      expect(() => ajv.getSchema($id), file).not.toThrow();
      expect(ajv.getSchema($id), file).toBeTypeOf('function');
    }
  });
});

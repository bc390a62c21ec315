import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIssues } from '../validation/schema-validator.js';
import { protocolValidator } from './protocol-validator.js';
import type { ProtocolDefs } from './generated/types.js';

const root = join(import.meta.dirname, '../../schemas/protocol');
const examples = join(root, 'examples');
const manifest = JSON.parse(readFileSync(join(root, 'methods.json'), 'utf8')) as {
  requests: Record<string, { params: string; result: string }>;
  notifications: Record<string, { params: string }>;
};

function examplesOf(kind: 'valid' | 'invalid'): Array<[string, string, unknown]> {
  const dir = join(examples, kind);
  return readdirSync(dir).flatMap((def) =>
    readdirSync(join(dir, def)).map((file): [string, string, unknown] => [
      def,
      file,
      JSON.parse(readFileSync(join(dir, def, file), 'utf8')),
    ]),
  );
}

describe('protocol schema examples', () => {
  const validator = protocolValidator();

  it.each(examplesOf('valid'))('%s accepts valid/%s', (def, _file, value) => {
    const check = validator.validate(def as keyof ProtocolDefs & string, value);
    expect(check.ok ? '' : formatIssues(check.issues)).toBe('');
  });

  it.each(examplesOf('invalid'))('%s rejects invalid/%s', (def, _file, value) => {
    const check = validator.validate(def as keyof ProtocolDefs & string, value);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.issues.length).toBeGreaterThan(0);
  });

  it('has a valid and an invalid example for every message', () => {
    const messageDefs = new Set(['JsonRpcMessage', 'ErrorCode']);
    for (const m of Object.values(manifest.requests)) messageDefs.add(m.params).add(m.result);
    for (const m of Object.values(manifest.notifications)) messageDefs.add(m.params);
    const missing = [...messageDefs].flatMap((def) =>
      (['valid', 'invalid'] as const)
        .filter((kind) => !existsSync(join(examples, kind, def)) || readdirSync(join(examples, kind, def)).length === 0)
        .map((kind) => `${kind}/${def}`),
    );
    expect(missing).toEqual([]);
  });

  it('names every example folder after a definition that exists', () => {
    const known = new Set(validator.definitions);
    const unknown = (['valid', 'invalid'] as const).flatMap((kind) =>
      readdirSync(join(examples, kind)).filter((def) => !known.has(def)),
    );
    expect(unknown).toEqual([]);
  });
});

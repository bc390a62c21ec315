import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { snapshotSourceHash } from './pyodide-snapshot.js';
import type { RuntimePaths } from './runtime-paths.js';

describe('snapshotSourceHash', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  function sandboxDir(helpers: string): RuntimePaths {
    const dir = mkdtempSync(join(tmpdir(), 'snapshot-hash-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'make-snapshot.ts'), 'make');
    writeFileSync(join(dir, 'pyodide-loader.ts'), 'load');
    writeFileSync(join(dir, 'python-runtime.ts'), helpers);
    return { deno: '', denoVersion: '0', pyodideDir: '', pyodideVersion: '0', sandboxDir: dir, prlimit: '' };
  }

  it('names a new snapshot when the helpers baked into it change, and the same one otherwise', () => {
    const first = snapshotSourceHash(sandboxDir('helpers v1'));
    expect(first).toMatch(/^[0-9a-f]{12}$/);
    expect(snapshotSourceHash(sandboxDir('helpers v1'))).toBe(first);
    expect(snapshotSourceHash(sandboxDir('helpers v2'))).not.toBe(first);
  });
});

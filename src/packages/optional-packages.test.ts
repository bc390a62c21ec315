import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isHarnessError } from '../errors/harness-error.js';
import { allureBin } from '../reporters/allure/generate-allure-site.js';
import { resolveTarget } from '../targets/resolve-target.js';
import { OPTIONAL_PACKAGES } from './optional-packages.js';

const ROOT = join(import.meta.dirname, '../..');
interface Manifest {
  name: string;
  version: string;
  files?: string[];
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}
const manifest = (folder: string) => JSON.parse(readFileSync(join(ROOT, folder, 'package.json'), 'utf8')) as Manifest;
const harness = manifest('.');
const reference = manifest('reference-impl');
const adapters = manifest('adapters');

/** Every sandbox library and runtime: each must be pinned to one exact version wherever it is named. */
const SANDBOX = /^(deno|@deno\/.*|pyodide|vm2|isolated-vm|ses|quickjs-emscripten|fast-check|jiti)$/;

describe('the packages', () => {
  it('the harness brings no adapter library, no Allure, no Docker client and no native build', () => {
    const shipped = Object.keys({ ...harness.dependencies });
    expect(
      shipped.filter((name) =>
        /^(vm2|isolated-vm|ses|quickjs-emscripten|pyodide|deno|allure-commandline|dockerode|gauntlet-adapters)$/.test(
          name,
        ),
      ),
    ).toEqual([]);
    expect(harness.dependencies?.['gauntlet-reference-executor']).toBe(reference.version);
    expect(
      Object.keys({ ...reference.dependencies, ...reference.optionalDependencies }).filter((name) =>
        /^(dockerode|deno|isolated-vm)$/.test(name),
      ),
    ).toEqual([]);
  });

  it('pins every sandbox library and runtime to an exact version, the same in every package', () => {
    const seen = new Map<string, Set<string>>();
    for (const pkg of [harness, reference, adapters]) {
      for (const [name, range] of Object.entries({
        ...pkg.dependencies,
        ...pkg.optionalDependencies,
        ...pkg.devDependencies,
      })) {
        if (!SANDBOX.test(name)) continue;
        expect({ name, range }).toEqual({ name, range: expect.stringMatching(/^\d+\.\d+\.\d+$/) });
        seen.set(name, (seen.get(name) ?? new Set()).add(range));
      }
    }
    expect([...seen].filter(([, ranges]) => ranges.size > 1)).toEqual([]);
    expect([...seen.keys()].sort()).toEqual(
      expect.arrayContaining([
        '@deno/linux-x64-glibc',
        'deno',
        'fast-check',
        'isolated-vm',
        'jiti',
        'pyodide',
        'quickjs-emscripten',
        'ses',
        'vm2',
      ]),
    );
  });

  it(
    'names each optional package at the version package.json pins, as an optional peer the ' + 'repository installs',
    () => {
      for (const [name, { version }] of Object.entries(OPTIONAL_PACKAGES)) {
        expect({
          name,
          peer: harness.peerDependencies?.[name],
          optional: harness.peerDependenciesMeta?.[name]?.optional,
        }).toEqual({ name, peer: version, optional: true });
        expect({
          name,
          installed: name === 'gauntlet-adapters' ? adapters.version : harness.devDependencies?.[name],
        }).toEqual({ name, installed: version });
      }
    },
  );

  it(
    'packs the harness with its built CLI, scenarios and profiles, and no tests, sources or ' + 'workspace builds',
    async () => {
      const { stdout } = await promisify(execFile)('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
        cwd: ROOT,
        maxBuffer: 64 * 1024 * 1024,
      });
      const files = (JSON.parse(stdout) as Array<{ files: Array<{ path: string }> }>)[0]!.files.map((f) => f.path);
      expect(files).toEqual(
        expect.arrayContaining([
          'dist/src/cli/main.js',
          'dist/src/index.d.ts',
          'dist/adapters/adapter-catalogue.js',
          'profiles/core.yaml',
          'schemas/report.schema.json',
          'LICENSE',
        ]),
      );
      expect(files.filter((f) => f.startsWith('scenarios/') && f.endsWith('.yaml')).length).toBeGreaterThan(50);
      expect(
        files.filter((f) =>
          new RegExp(
            [
              String.raw`\.test\.`,
              String.raw`\.map$`,
              String.raw`^dist\/(reference-impl|adapters\/(?!adapter-catalogue))`,
              String.raw`^dist\/src\/testing\/`,
              String.raw`^scenarios\/.*\.ts$`,
              String.raw`^(src|reference-impl|adapters)\/`,
            ].join('|'),
          ).test(f),
        ),
      ).toEqual([]);
    },
    60_000,
  );
});

describe('a missing optional package', () => {
  let empty: string;
  beforeAll(async () => {
    empty = await mkdtemp(join(tmpdir(), 'gauntlet-no-packages-'));
    await writeFile(join(empty, 'package.json'), '{"name":"user-project","version":"1.0.0"}\n');
  });
  afterAll(async () => {
    await rm(empty, { recursive: true, force: true });
  });

  it('report allure names allure-commandline and the command that adds it', () => {
    const resolve = createRequire(join(empty, 'index.js')).resolve;
    let thrown: unknown;
    try {
      allureBin(resolve);
    } catch (error) {
      thrown = error;
    }
    expect(isHarnessError(thrown, 'PACKAGE_MISSING')).toBe(true);
    expect((thrown as Error).message).toBe(
      'allure-commandline: needed for `gauntlet report allure` and not installed; add it with: ' +
        'npm install --save-dev --save-exact allure-commandline@2.46.1',
    );
  });

  it('an adapter target names gauntlet-adapters when neither this checkout nor the project has it', async () => {
    // An installed harness ships the adapter catalogue (data only) but no adapter.
    await mkdir(join(empty, 'dist/adapters'), { recursive: true });
    await writeFile(join(empty, 'dist/adapters/adapter-catalogue.js'), 'export {};\n');
    const error = await resolveTarget('adapter:vm2', { packageRoot: empty }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isHarnessError(error, 'PACKAGE_MISSING')).toBe(true);
    expect((error as Error).message).toBe(
      'gauntlet-adapters: needed for `adapter:` targets and not installed; add it with: npm ' +
        'install --save-dev --save-exact gauntlet-adapters@0.1.0',
    );
  });
});

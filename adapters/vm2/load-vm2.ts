import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { VM as VmClass } from 'vm2';
import { libraryVersion } from '../shared/library-version.js';

/** The vm2 library an adapter measures: its `VM` class and the version its package.json states. */
export interface Vm2Library {
  VM: typeof VmClass;
  version: string;
  /** Where it was loaded from, when not the harness's own dependency. */
  folder?: string;
}

/**
 * Loads vm2: the harness's own dependency, or the package in `folder` (a vm2 package folder,
 * such as a test fixture's node_modules/vm2), so that old versions with public advisories can be
 * measured without ever becoming a dependency of the harness.
 */
export function loadVm2(folder?: string): Vm2Library {
  const require = createRequire(import.meta.url);
  if (folder === undefined)
    return { VM: (require('vm2') as { VM: typeof VmClass }).VM, version: libraryVersion('vm2') };
  const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as {
    name?: unknown;
    version?: unknown;
  };
  if (manifest.name !== 'vm2')
    throw new Error(`${folder} is not a vm2 package folder (its package.json names ${String(manifest.name)})`);
  const version = typeof manifest.version === 'string' ? manifest.version : 'unknown';
  return { VM: (require(folder) as { VM: typeof VmClass }).VM, version, folder };
}

/** The value of `--module <folder>` in `argv`, if given. */
export function moduleOption(argv: readonly string[]): string | undefined {
  const at = argv.indexOf('--module');
  return at < 0 ? undefined : argv[at + 1];
}

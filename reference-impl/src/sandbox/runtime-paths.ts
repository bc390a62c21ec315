import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HarnessError, HarnessErrorCode } from '../../../src/errors/harness-error.js';
import { denoBinary } from '../../../src/packages/deno-binary.js';

/** Where the executor finds Deno, Pyodide and the sandbox's own source. */
export interface RuntimePaths {
  deno: string;
  denoVersion: string;
  pyodideDir: string;
  pyodideVersion: string;
  /** reference-impl/sandbox: bootstrap.ts and make-snapshot.ts. */
  sandboxDir: string;
  /** util-linux prlimit, which starts each sandbox with its own descriptor limit. */
  prlimit: string;
}

/**
 * Resolves the runtimes from node_modules: Deno's binary from its platform package (a pinned
 * optional dependency of this package), Pyodide from its own.
 */
export function resolveRuntimePaths(): RuntimePaths {
  const require = createRequire(import.meta.url);
  const deno = denoBinary(require.resolve);
  const pyodideDir = dirname(require.resolve('pyodide/package.json'));
  return {
    deno: deno.path,
    denoVersion: deno.version,
    pyodideDir,
    pyodideVersion: (require('pyodide/package.json') as { version: string }).version,
    sandboxDir: findSandboxDir(dirname(fileURLToPath(import.meta.url))),
    prlimit: findPrlimit(),
  };
}

/** prlimit from util-linux (essential on Debian); without it no sandbox gets a descriptor cap, so none starts. */
function findPrlimit(): string {
  const found = ['/usr/bin/prlimit', '/bin/prlimit'].find((path) => existsSync(path));
  if (!found)
    throw new HarnessError(
      HarnessErrorCode.ExecutorStartFailed,
      'prlimit (util-linux) is missing: it gives every sandbox its own descriptor limit',
      'prlimit',
    );
  return found;
}

/**
 * Walks up from this file to the sandbox sources: reference-impl/sandbox in the repository
 * (from src/ or dist/), sandbox/ at the top of the installed gauntlet-reference-executor package.
 */
function findSandboxDir(start: string): string {
  for (let dir = start; dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = [join(dir, 'reference-impl', 'sandbox'), join(dir, 'sandbox')].find((folder) =>
      existsSync(join(folder, 'bootstrap.ts')),
    );
    if (candidate) return candidate;
  }
  throw new HarnessError(
    HarnessErrorCode.ExecutorStartFailed,
    'cannot find reference-impl/sandbox/bootstrap.ts',
    start,
  );
}

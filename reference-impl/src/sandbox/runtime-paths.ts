import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HarnessError, HarnessErrorCode } from '../../../src/errors/harness-error.js';

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
 * Resolves the runtimes from node_modules. Deno's npm package ships its binary in a platform
 * package; `runInstall` finds it without the postinstall script npm 11 does not run.
 */
export function resolveRuntimePaths(): RuntimePaths {
  const require = createRequire(import.meta.url);
  let deno: string;
  try {
    deno = (require('deno/install_api.cjs') as { runInstall(): string }).runInstall();
  } catch (error) {
    throw new HarnessError(HarnessErrorCode.ExecutorStartFailed, 'the deno npm package or its platform binary is missing; run npm ci', 'deno', { cause: error });
  }
  const pyodideDir = dirname(require.resolve('pyodide/package.json'));
  return {
    deno,
    denoVersion: (require('deno/package.json') as { version: string }).version,
    pyodideDir,
    pyodideVersion: (require('pyodide/package.json') as { version: string }).version,
    sandboxDir: findSandboxDir(dirname(fileURLToPath(import.meta.url))),
    prlimit: findPrlimit(),
  };
}

/** prlimit from util-linux (essential on Debian); without it no sandbox gets a descriptor cap, so none starts. */
function findPrlimit(): string {
  const found = ['/usr/bin/prlimit', '/bin/prlimit'].find((path) => existsSync(path));
  if (!found) throw new HarnessError(HarnessErrorCode.ExecutorStartFailed, 'prlimit (util-linux) is missing: it gives every sandbox its own descriptor limit', 'prlimit');
  return found;
}

/** Walks up from this file (in src/ or dist/) to the folder holding reference-impl/sandbox. */
function findSandboxDir(start: string): string {
  for (let dir = start; dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, 'reference-impl', 'sandbox');
    if (existsSync(join(candidate, 'bootstrap.ts'))) return candidate;
  }
  throw new HarnessError(HarnessErrorCode.ExecutorStartFailed, 'cannot find reference-impl/sandbox/bootstrap.ts', start);
}

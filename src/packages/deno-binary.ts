import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { HarnessError, HarnessErrorCode } from '../errors/harness-error.js';

/** Deno's binary and the version of the platform package that shipped it. */
export interface DenoBinary {
  path: string;
  version: string;
}

/**
 * Finds Deno in its platform package (`@deno/linux-x64-glibc` and siblings, optional
 * dependencies pinned to one version). The packages that need Deno depend on those directly,
 * not on the `deno` wrapper, whose postinstall script npm asks every installer to approve.
 */
export function denoBinary(resolve: (id: string) => string = createRequire(import.meta.url).resolve): DenoBinary {
  const target = denoTarget();
  let manifest: string;
  try {
    manifest = resolve(`@deno/${target}/package.json`);
  } catch (error) {
    throw new HarnessError(
      HarnessErrorCode.ExecutorStartFailed,
      `Deno's platform package @deno/${target} is not installed (no other platform is supported)`,
      `@deno/${target}`,
      { cause: error },
    );
  }
  const path = join(dirname(manifest), process.platform === 'win32' ? 'deno.exe' : 'deno');
  if (!existsSync(path))
    throw new HarnessError(HarnessErrorCode.ExecutorStartFailed, 'the Deno platform package holds no binary', path);
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  return { path, version };
}

/** The platform package's suffix for this machine, as Deno's own npm wrapper names it. */
function denoTarget(): string {
  const arch = process.arch === 'arm64' ? 'arm64' : 'x64';
  switch (process.platform) {
    case 'linux':
      return `linux-${arch}-glibc`;
    case 'darwin':
      return `darwin-${arch}`;
    case 'win32':
      return `win32-${arch}`;
    default:
      return `${process.platform}-${arch}`;
  }
}

import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The folder whose `dist/` holds `builtPath` for workspace package `name`: the harness's own
 * folder when it runs from a repository checkout (one build of every workspace into the root's
 * dist/), else the installed package, resolved from the harness as Node resolves its imports.
 * Undefined when neither has it.
 */
export function locateBuiltPackage(packageRoot: string, name: string, builtPath: string): string | undefined {
  if (existsSync(join(packageRoot, 'dist', builtPath))) return packageRoot;
  try {
    const root = dirname(createRequire(join(packageRoot, 'package.json')).resolve(`${name}/package.json`));
    return existsSync(join(root, 'dist', builtPath)) ? root : undefined;
  } catch {
    return undefined;
  }
}

import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Vitest global setup: compiles the project once before the tests, because several tests spawn
 * the built CLI and executors as real processes. Incremental, so it is quick when nothing changed.
 */
export default function setup(): void {
  const root = join(import.meta.dirname, '../..');
  execFileSync(
    process.execPath,
    [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')],
    { stdio: 'inherit' },
  );
}

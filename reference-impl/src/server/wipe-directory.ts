import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** Empties a directory without removing it: an ephemeral session directory between executions. */
export function wipeDirectory(dir: string): void {
  for (const name of readdirSync(dir)) rmSync(join(dir, name), { recursive: true, force: true });
}

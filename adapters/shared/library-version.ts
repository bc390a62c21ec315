import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The installed version of an npm package, read from its own package.json, so the report names
 * exactly what was measured rather than what package.json asked for. 'unknown' when unreadable.
 */
export function libraryVersion(name: string): string {
  try {
    const file = createRequire(import.meta.url).resolve(`${name}/package.json`);
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown };
    return typeof manifest.version === 'string' ? manifest.version : 'unknown';
  } catch {
    return 'unknown';
  }
}

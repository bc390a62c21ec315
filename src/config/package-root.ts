import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Gauntlet's own package: its folder (scenarios, built reference executor) and version. */
export interface PackageInfo {
  root: string;
  name: string;
  version: string;
}

let cached: PackageInfo | undefined;

/** Finds Gauntlet's package.json above this module, whether it runs from src/ or dist/. */
export function packageInfo(): PackageInfo {
  if (cached) return cached;
  for (let dir = dirname(fileURLToPath(import.meta.url)); dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const json = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
    if (json.name === 'gauntlet') return (cached = { root: dir, name: json.name, version: json.version ?? '0.0.0' });
  }
  throw new Error('cannot find the gauntlet package.json above ' + fileURLToPath(import.meta.url));
}

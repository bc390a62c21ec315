import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** A cached value larger than this is ignored: a scenario's value is a few kilobytes. */
const MAX_ENTRY_BYTES = 2 * 1024 * 1024;

/**
 * What YAML files parsed to, by the SHA-256 of their text, kept across processes. Parsing the
 * corpus cost every `gauntlet` process about half a second of CPU, and calibration and the tests
 * start dozens of them. Only values that already passed the scenario schema are stored, and a
 * value read back is validated again like a freshly parsed one, so a damaged or foreign entry can
 * only cost a re-parse. Writes go to a temporary name first, so readers never see half an entry.
 * Every failure to read or write is a miss, never an error: the cache only saves time.
 */
export class YamlValueCache {
  constructor(readonly dir: string | undefined) {}

  /** The cache under `$XDG_CACHE_HOME/gauntlet` (default `~/.cache/gauntlet`). */
  static default(env: NodeJS.ProcessEnv = process.env): YamlValueCache {
    try {
      return new YamlValueCache(join(env['XDG_CACHE_HOME'] ?? join(homedir(), '.cache'), 'gauntlet', 'yaml-values'));
    } catch {
      return new YamlValueCache(undefined); // no home folder: no cache
    }
  }

  /** The value stored for this text hash, or undefined. */
  read(textHash: string): unknown {
    if (!this.dir || !/^[0-9a-f]{64}$/.test(textHash)) return undefined;
    try {
      const text = readFileSync(join(this.dir, `${textHash}.json`), 'utf8');
      return text.length > MAX_ENTRY_BYTES ? undefined : (JSON.parse(text) as unknown);
    } catch {
      return undefined;
    }
  }

  /** Stores the value for this text hash; silently does nothing when it cannot. */
  write(textHash: string, value: unknown): void {
    if (!this.dir || !/^[0-9a-f]{64}$/.test(textHash)) return;
    try {
      mkdirSync(this.dir, { recursive: true, mode: 0o700 });
      const file = join(this.dir, `${textHash}.json`);
      const partial = `${file}.${process.pid}.partial`;
      writeFileSync(partial, JSON.stringify(value), { mode: 0o600 });
      renameSync(partial, file);
    } catch {
      // A read-only home or a full disk: the next process parses again.
    }
  }
}

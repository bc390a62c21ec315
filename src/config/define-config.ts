import type { Config } from './generated/types.js';

/**
 * Types a `gauntlet.config.ts` or `gauntlet.config.mjs` and returns it unchanged:
 * `export default defineConfig({ targets: { ... } })` gets completion and checking in the editor.
 * The file is still validated against schemas/config.schema.json when Gauntlet loads it.
 */
export function defineConfig(config: Config): Config {
  return config;
}

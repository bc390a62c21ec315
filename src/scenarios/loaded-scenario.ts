import type { Scenario } from './generated/types.js';

/** A scenario file that parsed and matched the schema. */
export interface LoadedScenario {
  /** Path relative to the corpus root, with forward slashes. */
  file: string;
  /** Absolute path, for messages and replay commands. */
  absolutePath: string;
  scenario: Scenario;
  /** Resolves a JSON pointer into the file to its 1-based line, when known. */
  lineOf(pointer: string): number | undefined;
}

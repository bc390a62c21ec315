import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join, resolve } from 'node:path';

/**
 * The file `command` names, found the way execvp finds it: as a path when it contains a slash
 * (relative to `cwd`), else in the directories of `path`. Throws an ENOENT error like spawn's
 * when there is none, so a command started through a wrapper fails as early and as plainly as
 * one spawned directly.
 */
export function resolveExecutable(command: string, path: string | undefined, cwd: string = process.cwd()): string {
  const candidates = command.includes('/')
    ? [isAbsolute(command) ? command : resolve(cwd, command)]
    : (path ?? '')
        .split(delimiter)
        .filter(Boolean)
        .map((dir) => join(isAbsolute(dir) ? dir : resolve(cwd, dir), command));
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // Not here.
    }
  }
  throw Object.assign(new Error(`spawn ${command} ENOENT`), { code: 'ENOENT', path: command });
}

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The executor's private folders (mode 0700): nothing in them is granted to any sandbox. */
export interface PrivateDirs {
  root: string;
  /** Control sockets, one per sandbox. */
  control: string;
  /** Sandboxes' own directories are made here, one each, and granted only to their sandbox. */
  work: string;
  /** DENO_DIR, Deno's module cache. */
  deno: string;
  remove(): void;
}

export function makePrivateDirs(): PrivateDirs {
  const root = mkdtempSync(join(tmpdir(), 'gauntlet-executor-'));
  const sub = (name: string) => {
    const dir = join(root, name);
    mkdirSync(dir, { mode: 0o700 });
    return dir;
  };
  return {
    root,
    control: sub('ctl'),
    work: sub('work'),
    deno: sub('deno'),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

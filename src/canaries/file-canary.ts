import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Canary } from './canary.js';

/**
 * A token in a host file outside every sandbox path. The file sits in the run's host directory
 * (a fresh temp dir, or canaries.fileDir), readable by the executor's user: only its sandbox
 * stands between the code and the token.
 */
export const fileCanary: Canary = {
  kind: 'file',
  description: 'a token in a host file outside any sandbox path',
  requires: [],
  variables: ['path', 'dir'],
  unsupportedReason: (target) =>
    target.sameHost || target.settings.fileDir
      ? undefined
      : 'the file canary needs an executor on this host, or canaries.fileDir in the target config',
  async plant({ tokens, slug, hostDir, target }) {
    const dir = join(target.settings.fileDir ?? hostDir, `file-${slug}`);
    const path = join(dir, `credentials-${tokens.word('file-name', 8)}.txt`);
    const value = tokens.token('file');
    await mkdir(dir, { recursive: true, mode: 0o755 });
    await writeFile(path, `${value}\n`, { mode: 0o644 });
    return {
      kind: 'file',
      tokens: [{ kind: 'file', value, access: 'forbidden' }],
      variables: { path, dir },
      release: () => rm(dir, { recursive: true, force: true }).catch(() => undefined),
    };
  },
};

import { describe, expect, it } from 'vitest';
import { extract } from 'tar-stream';
import { isHarnessError } from '../errors/harness-error.js';
import { tarOf } from './docker-container-files.js';

async function entries(
  archive: Buffer,
): Promise<Array<{ name: string; mode: number | undefined; uid: number | undefined; body: string }>> {
  const found: Array<{ name: string; mode: number | undefined; uid: number | undefined; body: string }> = [];
  const reader = extract();
  reader.end(archive);
  for await (const entry of reader) {
    const chunks: Buffer[] = [];
    for await (const chunk of entry) chunks.push(chunk as Buffer);
    found.push({
      name: entry.header.name,
      mode: entry.header.mode,
      uid: entry.header.uid,
      body: Buffer.concat(chunks).toString(),
    });
  }
  return found;
}

describe('tarOf', () => {
  it('archives files relative to the root, world-readable by default', async () => {
    const archive = await tarOf([
      { path: '/etc/gauntlet/canary', content: 'token' },
      { path: '/home/sandbox/.secret', content: Buffer.from('s'), mode: 0o600, uid: 10001, gid: 10001 },
    ]);
    expect(await entries(archive)).toEqual([
      { name: 'etc/gauntlet/canary', mode: 0o644, uid: 0, body: 'token' },
      { name: 'home/sandbox/.secret', mode: 0o600, uid: 10001, body: 's' },
    ]);
  });

  it('refuses relative paths, parent references and folders', async () => {
    for (const path of ['etc/x', '/etc/../x', '/etc/']) {
      const error = await tarOf([{ path, content: '' }]).catch((e: unknown) => e);
      expect(isHarnessError(error, 'CONFIG_INVALID')).toBe(true);
    }
  });
});

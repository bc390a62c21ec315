import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryCgroup, type CgroupVersion } from './memory-cgroup.js';

const MiB = 1024 * 1024;

/** A folder shaped like a cgroup's: the memory files read, with the figures given. */
function fakeCgroup(version: CgroupVersion, usage: number, stat: string, dirs: string[]): MemoryCgroup {
  const dir = mkdtempSync(join(tmpdir(), 'fake-cgroup-'));
  dirs.push(dir);
  writeFileSync(join(dir, version === 1 ? 'memory.usage_in_bytes' : 'memory.current'), `${usage}\n`);
  writeFileSync(join(dir, 'memory.stat'), stat);
  return new MemoryCgroup(dir, version, () => undefined);
}

describe('MemoryCgroup.charge', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('leaves the file cache out of a v1 charge (the kernel drops it before it kills)', () => {
    const stat = `cache ${21 * MiB}\nrss ${154 * MiB}\nmapped_file 0\ninactive_file ${5 * MiB}\nactive_file ${16 * MiB}\ntotal_inactive_file ${5 * MiB}\n`;
    const cgroup = fakeCgroup(1, 178 * MiB, stat, dirs);
    expect(cgroup.usage()).toBe(178 * MiB);
    expect(cgroup.charge()).toBe(157 * MiB);
  });

  it('leaves the file cache out of a v2 charge', () => {
    const cgroup = fakeCgroup(2, 100 * MiB, `anon ${80 * MiB}\nfile ${12 * MiB}\nfile_mapped 0\n`, dirs);
    expect(cgroup.charge()).toBe(88 * MiB);
  });

  it('is the usage when the kernel shows no memory.stat, and never below zero', () => {
    expect(fakeCgroup(1, 10 * MiB, '', dirs).charge()).toBe(10 * MiB);
    expect(fakeCgroup(1, MiB, `inactive_file ${2 * MiB}\n`, dirs).charge()).toBe(0);
  });
});

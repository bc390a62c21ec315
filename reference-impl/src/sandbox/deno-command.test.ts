import { describe, expect, it } from 'vitest';
import { FaultSet, type FaultName } from '../faults/fault-registry.js';
import { denoCommand, SANDBOX_V8_FLAGS } from './deno-command.js';
import type { RuntimePaths } from './runtime-paths.js';
import type { SandboxProfile } from './sandbox-profile.js';

const paths: RuntimePaths = {
  deno: '/opt/deno',
  denoVersion: '0',
  pyodideDir: '/opt/pyodide',
  pyodideVersion: '0',
  sandboxDir: '/opt/sandbox',
  prlimit: '/usr/bin/prlimit',
};

function v8Flags(family: SandboxProfile['family'], faults: FaultName[] = []): string[] {
  const profile: SandboxProfile = { family, heapMiB: 64, network: [], directory: false };
  const { args } = denoCommand({
    profile,
    paths,
    socket: '/ctl/s.sock',
    workDir: undefined,
    snapshot: '/cache/py.snapshot',
    denoDir: '/deno',
    auditLog: '/audit',
    faults: new FaultSet(faults),
  });
  const flags = args.filter((arg) => arg.startsWith('--v8-flags='));
  // Deno keeps only one --v8-flags: every V8 flag must travel in that one.
  expect(flags.length).toBeLessThanOrEqual(1);
  return flags.flatMap((arg) => arg.slice('--v8-flags='.length).split(','));
}

describe('denoCommand V8 flags', () => {
  it('caps the heap and exposes gc to the bootstrap, in one --v8-flags, for both families', () => {
    expect(SANDBOX_V8_FLAGS).toContain('--expose-gc');
    expect(v8Flags('python')).toEqual(['--max-old-space-size=64', ...SANDBOX_V8_FLAGS]);
    expect(v8Flags('js')).toEqual(['--max-old-space-size=64', ...SANDBOX_V8_FLAGS]);
  });

  it('drops only the heap cap under the no-memory-cap fault', () => {
    expect(v8Flags('python', ['no-memory-cap'])).toEqual([...SANDBOX_V8_FLAGS]);
    expect(v8Flags('js', ['no-memory-cap'])).toEqual([...SANDBOX_V8_FLAGS]);
  });
});

import { describe, expect, it } from 'vitest';
import { classifyExit } from './classify-exit.js';

const MiB = 1024 * 1024;

describe('classifyExit', () => {
  it('types a write over the fsize ulimit or into a full work dir as a disk resource error', () => {
    expect(classifyExit('python', 74, 'OSError: [Errno 27] File too large')).toMatchObject({
      ok: false,
      error: { kind: 'resource', limit: { kind: 'disk', configured: 16 * MiB } },
    });
    expect(classifyExit('python', 75, 'OSError: [Errno 28] No space left on device')).toMatchObject({
      error: { kind: 'resource', limit: { kind: 'disk', configured: 64 * MiB } },
    });
    expect(classifyExit('shell', 153, '')).toMatchObject({
      error: { kind: 'resource', name: 'Signal', limit: { kind: 'disk', configured: 16 * MiB } },
    });
    expect(
      classifyExit('javascript', 1, 'Error: ENOSPC: no space left on device, write\nNo space left on device'),
    ).toMatchObject({ error: { kind: 'resource', limit: { kind: 'disk' } } });
  });

  it('keeps the other kinds, without a limit', () => {
    expect(classifyExit('python', 1, 'OSError: [Errno 27] File too large')).toEqual({
      ok: false,
      error: { kind: 'runtime', name: 'OSError', message: 'OSError: [Errno 27] File too large' },
    });
    expect(classifyExit('python', 77, 'PermissionError: denied').error?.kind).toBe('permission');
    expect(classifyExit('shell', 2, 'bash: line 1: syntax error near unexpected token').error?.kind).toBe('syntax');
    expect(classifyExit('shell', 0, '')).toEqual({ ok: true });
  });
});

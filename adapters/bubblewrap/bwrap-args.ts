import type { Language, Policy } from '../../src/protocol/generated/types.js';

/**
 * The bwrap command line, following bubblewrap's own documentation: every namespace unshared
 * (network included), the system's /usr read-only, fresh /proc, /dev and /tmp, the execution's
 * scratch directory as the only writable place, a cleared environment holding only the
 * policy's variables, a new terminal session, and death with the executor.
 */
export function bwrapArgs(policy: Policy, scratchDir: string, program: string[]): string[] {
  const args = ['--unshare-all', '--die-with-parent', '--new-session'];
  args.push(
    '--ro-bind',
    '/usr',
    '/usr',
    '--symlink',
    'usr/bin',
    '/bin',
    '--symlink',
    'usr/lib',
    '/lib',
    '--symlink',
    'usr/lib64',
    '/lib64',
    '--symlink',
    'usr/sbin',
    '/sbin',
  );
  args.push('--proc', '/proc', '--dev', '/dev', '--tmpfs', '/tmp');
  args.push('--bind', scratchDir, '/sandbox', '--chdir', '/sandbox');
  args.push('--clearenv', '--setenv', 'PATH', '/usr/bin:/bin', '--setenv', 'HOME', '/sandbox');
  for (const [name, value] of Object.entries(policy.env ?? {}))
    if (value !== undefined) args.push('--setenv', name, value);
  return [...args, '--', ...program];
}

/**
 * The interpreter each language runs with inside the sandbox. Python runs unbuffered (-u) so that
 * what the code printed before a kill is in the pipe, not lost in the interpreter's buffer.
 */
export function interpreter(language: Language, runner: string, nonce: string): string[] {
  return language === 'python'
    ? ['/usr/bin/python3', '-u', '-c', runner, nonce]
    : ['/usr/bin/node', '-e', runner, nonce];
}

import type { FaultSet } from '../faults/fault-registry.js';
import type { RuntimePaths } from './runtime-paths.js';
import type { SandboxProfile } from './sandbox-profile.js';
import { join } from 'node:path';

/**
 * Descriptors a sandbox may hold. Deno, its control socket and Pyodide need a few dozen; code that
 * opens files in a loop meets EMFILE here instead of at the host's limit (tens of thousands).
 */
export const SANDBOX_NOFILE = 1024;

/**
 * The bootstrap takes `gc` off the global object before any user code and collects once before it
 * says ready: the memory baseline is then the runtime's live share, not boot garbage that V8
 * would free later and the code would get as room beyond its cap.
 *
 * WebAssembly is compiled lazily and by the baseline compiler only: a sandbox lives for one
 * execution, so optimising Pyodide's 9 MiB of wasm in background threads cost more CPU than it
 * ever saved (measured: Python sandbox CPU per execution 436 ms -> 333 ms, warm latency unchanged).
 */
export const SANDBOX_V8_FLAGS: readonly string[] = ['--expose-gc', '--liftoff-only', '--wasm-lazy-compilation'];

/** What a sandbox process is started with: `file` (prlimit), which execs Deno with `args`. */
export interface DenoCommand {
  file: string;
  args: string[];
  env: Record<string, string>;
}

export interface DenoCommandInput {
  profile: SandboxProfile;
  paths: RuntimePaths;
  socket: string;
  /** The sandbox's private directory, or undefined for filesystem "none". */
  workDir: string | undefined;
  snapshot: string | undefined;
  /** DENO_DIR: Deno's own module cache, private to the executor. */
  denoDir: string;
  auditLog: string;
  faults: FaultSet;
}

/**
 * The Deno command line of a sandbox: deny by default, then grant exactly the control socket
 * (revoked by the bootstrap before user code runs), the private directory, the allow-listed
 * loopback endpoints and, for Python, the Pyodide files (also revoked). Remote and npm imports
 * are off, so code cannot make Deno fetch modules. The environment is built from scratch.
 */
export function denoCommand(input: DenoCommandInput): DenoCommand {
  const { profile, paths, socket, workDir, snapshot, faults } = input;
  const read = [socket, ...(workDir ? [workDir] : [])];
  const write = [socket, ...(workDir ? [workDir] : [])];
  if (profile.family === 'python') read.push(paths.pyodideDir, ...(snapshot ? [snapshot] : []));
  if (faults.has('audit-in-sandbox') || faults.has('audit-writable')) {
    read.push(input.auditLog);
    write.push(input.auditLog);
  }
  const net = [`unix:${socket}`, ...profile.network];
  const args = ['run', '--quiet', '--no-prompt', '--no-remote', '--no-npm', '--no-config', '--no-lock', '--no-check'];
  const v8 = [...(faults.has('no-memory-cap') ? [] : [`--max-old-space-size=${profile.heapMiB}`]), ...SANDBOX_V8_FLAGS];
  if (v8.length > 0) args.push(`--v8-flags=${v8.join(',')}`);
  args.push(faults.has('open-network') ? '--allow-net' : `--allow-net=${net.join(',')}`);
  args.push(faults.has('fs-escape') ? '--allow-read' : `--allow-read=${read.join(',')}`);
  args.push(faults.has('fs-escape') ? '--allow-write' : `--allow-write=${write.join(',')}`);
  if (faults.has('allow-subprocess')) args.push('--allow-run');
  if (faults.has('allow-ffi')) args.push('--allow-ffi');
  if (faults.has('allow-sys')) args.push('--allow-sys');
  if (faults.has('env-leak')) args.push('--allow-env');
  args.push(join(paths.sandboxDir, 'bootstrap.ts'), `--socket=${socket}`, `--family=${profile.family}`);
  if (profile.family === 'python')
    args.push(`--pyodide=${paths.pyodideDir}`, ...(snapshot ? [`--snapshot=${snapshot}`] : []));
  if (faults.has('env-leak')) args.push('--keep-env=true');
  // Only what Deno itself needs; the host environment is never passed on (except under env-leak).
  const own = { DENO_DIR: input.denoDir, NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1', DENO_NO_PROMPT: '1' };
  const env = faults.has('env-leak') ? { ...stringEnv(process.env), ...own } : own;
  // prlimit execs Deno in the same process, so the pid the executor watches is Deno's.
  const nofile = faults.has('no-fd-cap') ? [] : [`--nofile=${SANDBOX_NOFILE}:${SANDBOX_NOFILE}`];
  return { file: paths.prlimit, args: [...nofile, '--', paths.deno, ...args], env };
}

function stringEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import type { Adapter, RunOutcome } from '../shared/adapter.js';
import { declareCapabilities } from '../shared/declare-capabilities.js';
import { runProcess } from '../shared/run-process.js';
import { withScratchDir } from '../shared/scratch-dir.js';
import { bwrapArgs, interpreter } from './bwrap-args.js';
import { nodeRunner, pythonRunner } from './runner-sources.js';

const run = promisify(execFile);
/** Overridable so tests can show what happens on a machine where bubblewrap cannot work. */
const BWRAP = process.env['GAUNTLET_BWRAP'] ?? '/usr/bin/bwrap';
let version = 'unknown';

/**
 * bubblewrap running the system's python3 and node, one sandbox per execution. bubblewrap has
 * no memory limit and cannot stop the code from starting processes inside its namespaces, so
 * it declares memory `none` and subprocess denial unsupported. If namespaces cannot be created
 * here it says so and runs nothing: it never falls back to running the code unsandboxed.
 */
export const bubblewrapAdapter: Adapter = {
  info: {
    name: 'bubblewrap',
    version,
    isolation: 'container',
    description:
      '(bwrap --unshare-all, read-only /usr, private scratch directory, cleared environment) running ' +
      '/usr/bin/python3 and /usr/bin/node; killed at the wall-time budget; no memory limit; ' +
      'cannot deny subprocesses.',
  },
  languages: [
    { id: 'python', runtime: '/usr/bin/python3' },
    { id: 'javascript', runtime: '/usr/bin/node' },
  ],
  capabilities: declareCapabilities({
    limits: { wallTime: 'hard', memory: 'none', output: 'hard' },
    network: ['none'],
    filesystem: ['ephemeral'],
    outputModes: ['truncate', 'kill'],
    subprocesses: { canDeny: false, canAllow: true },
  }),
  async unavailable(): Promise<string | undefined> {
    try {
      const { stdout } = await run(BWRAP, ['--version'], { timeout: 5000 });
      version = stdout.trim().replace(/^bubblewrap\s+/, '');
      bubblewrapAdapter.info.version = version;
      const described = bubblewrapAdapter.info.description ?? '';
      bubblewrapAdapter.info.description = `bubblewrap ${version} (library: bubblewrap ${version}) ${described}`;
    } catch (error) {
      return `bubblewrap is not installed at ${BWRAP} (apt-get install bubblewrap): ${(error as Error).message}`;
    }
    try {
      await run(
        BWRAP,
        [
          '--unshare-all',
          '--die-with-parent',
          '--ro-bind',
          '/usr',
          '/usr',
          '--symlink',
          'usr/lib',
          '/lib',
          '--symlink',
          'usr/lib64',
          '/lib64',
          '--',
          '/usr/bin/true',
        ],
        { timeout: 10_000 },
      );
      return undefined;
    } catch (error) {
      const stderr = String((error as { stderr?: unknown }).stderr ?? (error as Error).message).trim();
      const why = stderr.slice(0, 500);
      return `bubblewrap cannot create its namespaces on this machine (user namespaces unavailable?): ${why}`;
    }
  },
  run(job): Promise<RunOutcome> {
    return withScratchDir('bwrap', async (dir) => {
      const nonce = randomBytes(24).toString('hex');
      const program = interpreter(job.language, job.language === 'python' ? pythonRunner : nodeRunner, nonce);
      return runProcess(
        { command: BWRAP, args: bwrapArgs(job.policy, dir, program), env: {}, cwd: dir, stdin: job.code, nonce },
        job,
      );
    });
  },
};

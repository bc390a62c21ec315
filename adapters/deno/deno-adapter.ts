import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import type { ExecutionError, Policy } from '../../src/protocol/generated/types.js';
import type { Adapter, RunOutcome } from '../shared/adapter.js';
import { declareCapabilities } from '../shared/declare-capabilities.js';
import { libraryVersion } from '../shared/library-version.js';
import { runProcess } from '../shared/run-process.js';
import { withScratchDir } from '../shared/scratch-dir.js';
import { denoArgs, denoProgram } from './deno-command.js';

const version = libraryVersion('deno');
let binary: string | undefined;

/**
 * Deno used plainly: a `deno run` process per execution whose permissions come from the
 * policy (no read, write, net, env or run unless granted), killed at the wall-time budget, with
 * V8's old-space flag as its memory bound. None of the reference executor's extras.
 */
export const denoAdapter: Adapter = {
  info: {
    name: 'deno',
    version,
    isolation: 'process',
    description:
      `Deno ${version} (library: deno npm package ${version}) with permission flags only: one deno run process ` +
      'per execution, killed at the wall-time budget; memory bounded by --max-old-space-size (the V8 heap only).',
  },
  languages: [
    { id: 'javascript', runtime: `deno ${version}` },
    { id: 'typescript', runtime: `deno ${version}` },
  ],
  capabilities: declareCapabilities({
    limits: { wallTime: 'hard', memory: 'soft', output: 'hard' },
    network: ['none', 'allowlist'],
    filesystem: ['none', 'ephemeral'],
    outputModes: ['truncate', 'kill'],
    subprocesses: { canDeny: true, canAllow: true },
  }),
  async unavailable(): Promise<string | undefined> {
    try {
      binary = (createRequire(import.meta.url)('deno/install_api.cjs') as { runInstall(): string }).runInstall();
      return undefined;
    } catch (error) {
      return `the deno binary is missing (run npm ci): ${(error as Error).message}`;
    }
  },
  run(job): Promise<RunOutcome> {
    return withScratchDir('deno', async (dir) => {
      const nonce = randomBytes(24).toString('hex');
      return runProcess(
        {
          command: binary ?? 'deno',
          args: denoArgs(job.policy, job.language, dir),
          env: denoEnv(job.policy, dir),
          cwd: dir,
          stdin: denoProgram(job.code, nonce),
          nonce,
          explainExit: (stderr) => explainDenoExit(stderr, job.policy),
        },
        job,
      );
    });
  },
};

/** The policy's environment, plus where Deno keeps its cache (unreadable to the code without --allow-env for it). */
function denoEnv(policy: Policy, dir: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(policy.env ?? {})) if (value !== undefined) env[name] = value;
  return { ...env, DENO_DIR: `${dir}/.deno`, NO_COLOR: '1' };
}

/** Deno rejected the program before it ran, or V8 ran out of the heap Deno was given. */
function explainDenoExit(stderr: string, policy: Policy): ExecutionError | undefined {
  if (/could not be parsed|Expected .* got|SyntaxError/.test(stderr) && !/Uncaught/.test(stderr))
    return { type: 'syntax', message: stderr.trim().slice(0, 4000) };
  if (/heap out of memory|Reached heap limit/i.test(stderr))
    return {
      type: 'resource',
      message: 'V8 ran out of the heap Deno was given',
      limit: { kind: 'memory', configured: policy.memoryBytes },
    };
  return undefined;
}

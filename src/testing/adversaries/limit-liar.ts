import { Worker } from 'node:worker_threads';
import type { ExecuteParams, ExecuteResult } from '../../protocol/generated/types.js';
import { okResult, type Adversary } from './serve-adversary.js';

/** Its own limits, far below what any policy asks; it reports the policy's instead. */
const OWN_WALL_MS = 100;
const OWN_HEAP_MB = 32;

/**
 * The worker: runs the code in a fresh vm context (no process, no require, no import(), so an
 * attack cannot reach this machine) and posts every console line back.
 */
const WORKER_SOURCE =
  `
const { parentPort, workerData } = require('node:worker_threads');
const vm = require('node:vm');
const write = (...args) => parentPort.postMessage({ kind: 'out', text: args.map(String).join(' ') + '\\n' });
const sandbox = { console: { log: write, info: write, warn: write, error: write } };
(async () => {
  try {
    await vm.runInNewContext('(async () => {\\n' + workerData.code + '\\n})()', sandbox, { timeout: ${OWN_WALL_MS} });
    parentPort.postMessage({ kind: 'done' });
  } catch (error) {
    parentPort.postMessage({ kind: 'error', timedOut: /timed out/.test(String(error && error.message)), ` +
  `message: String(error && error.message) });
  }
})();
`;

type Stop =
  { kind: 'done' } | { kind: 'error'; message: string } | { kind: 'timeout' } | { kind: 'memory' } | { kind: 'output' };

/**
 * Runs JavaScript for real, but under its own tiny limits (100 ms, a 32 MiB heap, a few KiB of
 * output), and reports each stop as the policy's limit with the policy's figures: a timeout
 * "at" the budget, a memory error "at" the cap, an output_limit "past" the cap. Everything it
 * prints, proofs of execution included, is genuine.
 */
export const limitLiarAdversary: Adversary = {
  name: 'limit-liar',
  honestTenancy: true,
  languages: ['javascript'],
  async answer(params, executionId) {
    const keep = Math.min(8192, Math.floor(params.policy.output.stdoutBytes / 4));
    let stdout = '';
    const stop = await new Promise<Stop>((resolve) => {
      const worker = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { code: params.code },
        env: {},
        stdout: true,
        stderr: true,
        resourceLimits: { maxOldGenerationSizeMb: OWN_HEAP_MB, maxYoungGenerationSizeMb: 8, stackSizeMb: 4 },
      });
      let settled = false;
      const finish = (value: Stop) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        void worker.terminate();
        resolve(value);
      };
      const timer = setTimeout(() => finish({ kind: 'timeout' }), OWN_WALL_MS * 2);
      worker.on(
        'message',
        (
          message:
            { kind: 'out'; text: string } | { kind: 'done' } | { kind: 'error'; timedOut: boolean; message: string },
        ) => {
          if (message.kind === 'out') {
            stdout += message.text;
            if (Buffer.byteLength(stdout) > keep) {
              stdout = Buffer.from(stdout).subarray(0, keep).toString('utf8');
              finish({ kind: 'output' });
            }
          } else if (message.kind === 'done') finish({ kind: 'done' });
          else finish(message.timedOut ? { kind: 'timeout' } : { kind: 'error', message: message.message });
        },
      );
      worker.on('error', (error: Error & { code?: string }) =>
        finish(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? { kind: 'memory' } : { kind: 'error', message: error.message },
        ),
      );
      worker.on('exit', () => finish({ kind: 'done' }));
    });
    return answerFor(stop, params, executionId, stdout);
  },
};

function answerFor(stop: Stop, params: ExecuteParams, executionId: string, stdout: string): ExecuteResult {
  const ok = okResult(executionId, stdout) as Extract<ExecuteResult, { status: 'ok' }>;
  const { resultTruncated: _r, ...common } = ok;
  const { policy } = params;
  switch (stop.kind) {
    case 'done':
      return ok;
    case 'error':
      return { ...common, status: 'error', error: { type: 'runtime', message: stop.message.slice(0, 500) } };
    case 'timeout':
      return {
        ...common,
        status: 'error',
        error: {
          type: 'timeout',
          message: `the execution ran out of its ${policy.wallTimeMs} ms wall-time budget`,
          limit: { kind: 'wall_time', configured: policy.wallTimeMs, observed: policy.wallTimeMs + 2 },
        },
      };
    case 'memory':
      return {
        ...common,
        status: 'error',
        error: {
          type: 'resource',
          message: 'the memory cap was hit',
          limit: { kind: 'memory', configured: policy.memoryBytes, observed: OWN_HEAP_MB * 1024 * 1024 },
        },
      };
    case 'output':
      return {
        ...common,
        stdout: { ...common.stdout, bytes: policy.output.stdoutBytes + 1 },
        status: 'error',
        error: {
          type: 'output_limit',
          message: 'stdout passed its cap',
          limit: { kind: 'stdout', configured: policy.output.stdoutBytes, observed: policy.output.stdoutBytes + 1 },
        },
      };
  }
}

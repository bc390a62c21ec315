import {
  getQuickJS,
  shouldInterruptAfterDeadline,
  type QuickJSContext,
  type QuickJSHandle,
  type QuickJSWASMModule,
} from 'quickjs-emscripten';
import type { ExecutionError } from '../../src/protocol/generated/types.js';
import type { Adapter, Job, RunOutcome } from '../shared/adapter.js';
import { asyncBody, declareWithoutHostApis } from '../shared/declare-capabilities.js';
import { libraryVersion } from '../shared/library-version.js';

const version = libraryVersion('quickjs-emscripten');
let module: Promise<QuickJSWASMModule> | undefined;

/**
 * quickjs-emscripten as its README shows it: one WebAssembly module, a new runtime per execution
 * with `setMemoryLimit` and `setInterruptHandler(shouldInterruptAfterDeadline(...))`, a console
 * made with `newFunction`, `evalCode`, then `resolvePromise` while pending jobs run.
 */
export const quickjsAdapter: Adapter = {
  info: {
    name: 'quickjs-emscripten',
    version,
    isolation: 'wasm',
    description:
      `quickjs-emscripten ${version} (library: quickjs-emscripten ${version}, release-sync variant): QuickJS in ` +
      "WebAssembly, a runtime per execution with the library's memory limit and interrupt-handler deadline.",
  },
  languages: [{ id: 'javascript', runtime: 'QuickJS (wasm)' }],
  capabilities: declareWithoutHostApis({ wallTime: 'hard', memory: 'hard', output: 'hard' }),
  async run(job): Promise<RunOutcome> {
    const quickjs = await (module ??= getQuickJS());
    const runtime = quickjs.newRuntime();
    runtime.setMemoryLimit(job.policy.memoryBytes);
    const started = performance.now();
    const deadline = shouldInterruptAfterDeadline(Date.now() + job.policy.wallTimeMs);
    // Whether the library's deadline stopped the code: an interrupted async function never settles its promise.
    let interrupted = false;
    runtime.setInterruptHandler((rt) => (interrupted ||= deadline(rt) === true));
    const vm = runtime.newContext();
    const elapsed = () => Math.round(performance.now() - started);
    try {
      installConsole(vm, job);
      const evaluated = vm.evalCode(asyncBody(job.code), 'sandbox.js');
      if (evaluated.error)
        return {
          kind: 'error',
          error: classify(vm.dump(evaluated.error), job, elapsed(), true, evaluated.error.dispose()),
        };
      const settled = vm.resolvePromise(evaluated.value);
      evaluated.value.dispose();
      // Run the engine's job queue until the code's promise settles; nothing else can settle it.
      let done = false;
      void settled.finally(() => (done = true));
      while (!done) {
        const jobs = runtime.executePendingJobs();
        if (jobs.error)
          return { kind: 'error', error: classify(vm.dump(jobs.error), job, elapsed(), false, jobs.error.dispose()) };
        await new Promise((resolve) => setImmediate(resolve));
        if (!done && !runtime.hasPendingJob()) {
          if (interrupted)
            return {
              kind: 'error',
              error: {
                type: 'timeout',
                message: 'interrupted by the deadline while awaiting',
                limit: { kind: 'wall_time', configured: job.policy.wallTimeMs, observed: elapsed() },
              },
            };
          return {
            kind: 'error',
            error: { type: 'runtime', message: 'the code awaits a promise that nothing can settle' },
          };
        }
      }
      const result = await settled;
      if (result.error)
        return { kind: 'error', error: classify(vm.dump(result.error), job, elapsed(), false, result.error.dispose()) };
      const value: unknown = vm.dump(result.value);
      result.value.dispose();
      return { kind: 'ok', value };
    } finally {
      try {
        vm.dispose();
        runtime.dispose();
      } catch {
        // A handle the code kept alive (a pending promise) makes disposal assert; the runtime is dropped anyway.
      }
    }
  },
};

function installConsole(vm: QuickJSContext, job: Job): void {
  const consoleHandle = vm.newObject();
  for (const [name, sink] of [
    ['log', job.stdout],
    ['info', job.stdout],
    ['debug', job.stdout],
    ['warn', job.stderr],
    ['error', job.stderr],
  ] as const) {
    const fn = vm.newFunction(name, (...args: QuickJSHandle[]) => {
      sink.write(`${args.map((a) => text(vm, a)).join(' ')}\n`);
    });
    vm.setProp(consoleHandle, name, fn);
    fn.dispose();
  }
  vm.setProp(vm.global, 'console', consoleHandle);
  consoleHandle.dispose();
}

function text(vm: QuickJSContext, handle: QuickJSHandle): string {
  const value: unknown = vm.dump(handle);
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Names what QuickJS threw: its interrupt and out-of-memory errors are the library's limits. */
function classify(dumped: unknown, job: Job, elapsedMs: number, compiling: boolean, _disposed?: void): ExecutionError {
  const error = (typeof dumped === 'object' && dumped !== null ? dumped : { message: String(dumped) }) as {
    name?: unknown;
    message?: unknown;
    stack?: unknown;
  };
  const name = typeof error.name === 'string' ? error.name : undefined;
  const message = String(error.message ?? '').slice(0, 16_384);
  const stack = typeof error.stack === 'string' ? { stack: error.stack.slice(0, 16_384) } : {};
  if (name === 'InternalError' && /interrupted/.test(message))
    return {
      type: 'timeout',
      name,
      message,
      limit: { kind: 'wall_time', configured: job.policy.wallTimeMs, observed: elapsedMs },
    };
  if (name === 'InternalError' && /out of memory/.test(message))
    return { type: 'resource', name, message, limit: { kind: 'memory', configured: job.policy.memoryBytes } };
  return {
    type: compiling && name === 'SyntaxError' ? 'syntax' : 'runtime',
    message,
    ...(name ? { name } : {}),
    ...stack,
  };
}

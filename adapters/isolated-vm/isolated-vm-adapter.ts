import ivm from 'isolated-vm';
import type { Adapter, Job, RunOutcome } from '../shared/adapter.js';
import { asyncBody, declareWithoutHostApis } from '../shared/declare-capabilities.js';
import { describeCompileOrRun, describeThrown } from '../shared/describe-thrown.js';
import { libraryVersion } from '../shared/library-version.js';

const version = libraryVersion('isolated-vm');
const MiB = 1024 * 1024;

/** Builds `console` inside the isolate from one host callback that receives plain strings only. */
const CONSOLE_PRELUDE = `{
  const write = globalThis.__write; delete globalThis.__write;
  const text = (a) => {
    if (typeof a === 'string') return a;
    try { return JSON.stringify(a) ?? String(a); } catch { return String(a); }
  };
  const line = (stream) => (...args) => write(stream, args.map(text).join(' '));
  globalThis.console = {
    log: line('out'), info: line('out'), debug: line('out'), warn: line('err'), error: line('err'),
  };
}`;

/**
 * isolated-vm as its README shows it: a new `Isolate` with `memoryLimit` per execution, a
 * context whose only host link is a `Callback` for console output, and `run` with `timeout`
 * and `promise: true`. The README warns that memoryLimit is a guideline, not a hard cap.
 */
export const isolatedVmAdapter: Adapter = {
  info: {
    name: 'isolated-vm',
    version,
    isolation: 'v8-isolate',
    description:
      `isolated-vm ${version} (library: isolated-vm ${version}): one V8 isolate per execution inside the ` +
      'executor process. memoryLimit is a guideline per the README; the timeout counts time spent running in ' +
      'the isolate.',
  },
  languages: [{ id: 'javascript', runtime: `V8 ${process.versions.v8}` }],
  capabilities: declareWithoutHostApis({ wallTime: 'hard', memory: 'soft', output: 'hard' }),
  async run(job): Promise<RunOutcome> {
    const memoryLimitMb = Math.max(8, Math.ceil(job.policy.memoryBytes / MiB));
    const isolate = new ivm.Isolate({ memoryLimit: memoryLimitMb });
    const started = performance.now();
    try {
      return await runIn(isolate, job);
    } catch (error) {
      const message = String((error as Error)?.message ?? error);
      if (/timed out/i.test(message))
        return {
          kind: 'error',
          error: {
            type: 'timeout',
            message,
            limit: {
              kind: 'wall_time',
              configured: job.policy.wallTimeMs,
              observed: Math.round(performance.now() - started),
            },
          },
        };
      // isolated-vm's array-buffer allocator refuses what would pass memoryLimit; V8 then throws this RangeError.
      if (isolate.isDisposed || /memory limit|Array buffer allocation failed/i.test(message))
        return {
          kind: 'error',
          error: { type: 'resource', message, limit: { kind: 'memory', configured: job.policy.memoryBytes } },
        };
      return { kind: 'error', error: describeThrown(error) };
    } finally {
      if (!isolate.isDisposed) isolate.dispose();
    }
  },
};

async function runIn(isolate: ivm.Isolate, job: Job): Promise<RunOutcome> {
  const context = await isolate.createContext();
  const jail = context.global;
  await jail.set('global', jail.derefInto());
  await jail.set(
    '__write',
    new ivm.Callback(
      (stream: string, text: string) => void (stream === 'err' ? job.stderr : job.stdout).write(`${String(text)}\n`),
    ),
  );
  await context.eval(CONSOLE_PRELUDE);
  let script: ivm.Script;
  try {
    script = await isolate.compileScript(asyncBody(job.code), { filename: 'sandbox.js' });
  } catch (error) {
    return { kind: 'error', error: describeCompileOrRun(error, true) };
  }
  const value: unknown = await script.run(context, { timeout: job.policy.wallTimeMs, promise: true, copy: true });
  return { kind: 'ok', value };
}

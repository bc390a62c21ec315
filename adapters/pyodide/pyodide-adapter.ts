import { loadPyodide, type PyodideInterface } from 'pyodide';
import type { ExecutionError } from '../../src/protocol/generated/types.js';
import type { Adapter, Job, RunOutcome } from '../shared/adapter.js';
import { declareWithoutHostApis } from '../shared/declare-capabilities.js';
import { libraryVersion } from '../shared/library-version.js';

const version = libraryVersion('pyodide');
let runtime: Promise<PyodideInterface> | undefined;
/** The execution whose output Pyodide's stdout and stderr handlers feed (one runs at a time). */
let current: Job | undefined;

/** How the Pyodide adapter is configured. */
export interface PyodideAdapterOptions {
  /**
   * Declare the policy's wall-time and memory limits `hard` although nothing enforces them: the
   * integration mistake of trusting a WebAssembly sandbox to bound what it runs. The harness's
   * limit checks must then fail, where the honest declaration (`none`) leaves them unsupported.
   */
  claimLimits: boolean;
}

/**
 * Pyodide in Node used plainly, as its documentation's Node example does: one `loadPyodide()`
 * per process, then `runPythonAsync(code, { globals })` with a fresh globals dict per execution
 * and `setStdout`/`setStderr` handlers. Pyodide's maintainers say it is not a security boundary:
 * `import js` reaches the host's JavaScript realm. No time or memory limit is applied, and unless
 * `claimLimits` is set none is declared.
 */
export function pyodideAdapter({ claimLimits }: PyodideAdapterOptions): Adapter {
  const claim = claimLimits
    ? ' It declares wall-time and memory limits hard (claim-limits) but enforces neither.'
    : ' No time or memory limits.';
  return {
    info: {
      name: 'pyodide',
      version,
      isolation: 'wasm',
      description:
        `Pyodide ${version} (library: pyodide ${version}) in the executor's Node.js process, used plainly: ` +
        'one interpreter, a fresh globals dict per execution. Not a security boundary per its maintainers ' +
        `(import js reaches the host).${claim}`,
    },
    languages: [{ id: 'python', runtime: `Pyodide ${version}` }],
    capabilities: declareWithoutHostApis(
      claimLimits
        ? { wallTime: 'hard', memory: 'hard', output: 'hard' }
        : { wallTime: 'none', memory: 'none', output: 'hard' },
    ),
    unavailable,
    run,
  };
}

/** Loads the interpreter while initialize is answered, so the first case does not pay for it. */
async function unavailable(): Promise<string | undefined> {
  try {
    await (runtime ??= start());
    return undefined;
  } catch (error) {
    return `Pyodide did not load: ${String((error as Error)?.message ?? error).slice(0, 500)}`;
  }
}

async function run(job: Job): Promise<RunOutcome> {
  const pyodide = await (runtime ??= start());
  current = job;
  const globals = pyodide.toPy({}) as ReturnType<PyodideInterface['toPy']> & { destroy(): void };
  try {
    const value: unknown = await pyodide.runPythonAsync(job.code, { globals, filename: 'sandbox.py' });
    return { kind: 'ok', value: toPlain(value) };
  } catch (error) {
    return { kind: 'error', error: pythonError(error) };
  } finally {
    current = undefined;
    globals.destroy();
  }
}

async function start(): Promise<PyodideInterface> {
  const pyodide = await loadPyodide();
  pyodide.setStdout({ write: (bytes: Uint8Array) => (current?.stdout.write(bytes), bytes.length) });
  pyodide.setStderr({ write: (bytes: Uint8Array) => (current?.stderr.write(bytes), bytes.length) });
  return pyodide;
}

/** A Python value as plain JSON-able data; proxies are converted and released. */
function toPlain(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || !('toJs' in value)) return value;
  const proxy = value as { toJs(options: object): unknown; destroy(): void };
  try {
    return proxy.toJs({ dict_converter: Object.fromEntries, create_pyproxies: false });
  } catch {
    return String(value);
  } finally {
    proxy.destroy();
  }
}

function pythonError(error: unknown): ExecutionError {
  const type = (error as { type?: unknown })?.type;
  const message = String((error as Error)?.message ?? error).slice(0, 16_384);
  if (typeof type !== 'string') return { type: 'internal', message };
  const last = message.trim().split('\n').pop() ?? message;
  return {
    type: type === 'SyntaxError' || type === 'IndentationError' ? 'syntax' : 'runtime',
    name: type,
    message: last.slice(0, 2000),
    stack: message,
  };
}

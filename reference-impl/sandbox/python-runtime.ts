import type { ErrorKind, ErrorReport } from './error-report.ts';
import { routeOutput } from './pyodide-loader.ts';
import type { RunOutcome } from './run-javascript.ts';

/** The parts of the Pyodide API the sandbox uses. */
export interface PyodideApi {
  runPython(code: string): unknown;
  globals: { get(name: string): unknown };
  setStdout(options: { write(buffer: Uint8Array): number }): void;
  setStderr(options: { write(buffer: Uint8Array): number }): void;
}

type PyFunction = (...args: unknown[]) => unknown;

/**
 * Python helpers, defined before any user code: by make-snapshot.ts into the memory snapshot
 * (sandboxes then boot with them), or by the runtime when it booted without one. `_g_run` compiles first so that
 * a SyntaxError raised while compiling can be told from one the code raises while running.
 */
export const HELPERS = `
import ast as _g_ast, contextvars as _g_cv, json as _g_json, os as _g_os, traceback as _g_tb
from pyodide.code import CodeRunner as _g_CodeRunner

class ToolError(Exception): pass
class ToolArgumentsError(ToolError): pass
class ToolDeniedError(ToolError): pass

_g_errors = {'invalid_arguments': ToolArgumentsError, 'denied': ToolDeniedError}

# The run a call belongs to travels in a context variable, which asyncio copies into every task
# and callback the run schedules: a call made later from them is still tagged with its own run,
# so the executor refuses it, even though the global name 'tools' then names the same object.
_g_call = _g_cv.ContextVar('_g_call')

class _GTools:
    def __getattr__(self, name):
        if name.startswith('_'): raise AttributeError(name)
        async def invoke(**kwargs):
            answer = _g_json.loads(await _g_call.get()(name, _g_json.dumps(kwargs)))
            if answer['status'] == 'ok':
                return None if answer.get('value') is None else _g_json.loads(answer['value'])
            raise _g_errors.get(answer['status'], ToolError)(answer.get('message') or 'tool ' + name + ' failed')
        return invoke

def _g_new_namespace():
    return {
        '__name__': '__main__',
        'ToolError': ToolError,
        'ToolArgumentsError': ToolArgumentsError,
        'ToolDeniedError': ToolDeniedError,
    }

def _g_set_env(env_json):
    _g_os.environ.clear()
    _g_os.environ.update(_g_json.loads(env_json))

def _g_failure(error, kind):
    # Frames of these helpers and of Pyodide are the executor's, not the code's: leave them out.
    tb = error.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename != '<exec>':
        tb = tb.tb_next
    lines = _g_tb.format_exception(type(error), error, tb)
    return _g_json.dumps({
        'kind': kind,
        'name': type(error).__name__,
        'message': ''.join(_g_tb.format_exception_only(error)).strip(),
        'stack': ''.join(lines),
    })

_g_tools = _GTools()

async def _g_run(code, namespace, call):
    _g_call.set(call)
    namespace['tools'] = _g_tools
    try:
        runner = _g_CodeRunner(code, filename='<exec>', flags=_g_ast.PyCF_ALLOW_TOP_LEVEL_AWAIT).compile()
    except SyntaxError as error:
        return _g_failure(error, 'syntax')
    try:
        value = await runner.run_async(namespace)
    except MemoryError as error:
        return _g_failure(error, 'resource')
    except ToolArgumentsError as error:
        return _g_failure(error, 'validation')
    except ToolDeniedError as error:
        return _g_failure(error, 'permission')
    except BaseException as error:
        text = ''.join(_g_tb.format_exception_only(error))
        return _g_failure(error, 'permission' if 'NotCapable' in text else 'runtime')
    if value is None:
        return _g_json.dumps({'ok': True})
    try:
        return _g_json.dumps({'ok': True, 'json': _g_json.dumps(value, default=repr)})
    except BaseException as error:
        return _g_failure(error, 'runtime')
`;

/**
 * Run once before the sandbox says ready, in a namespace that is then dropped: the interpreter's
 * first run compiles (in V8) the WebAssembly behind the compiler, the runner and the result's
 * JSON, the output streams and the environment, CPU that would otherwise land on the first
 * execution's latency. Its output goes nowhere; it touches no file and calls no tool.
 */
const WARM_UP = `
print('warm-up', flush=True)
print('warm-up', file=__import__('sys').stderr, flush=True)
_w = [str(i) * 2 for i in range(8)]
try:
    raise ValueError(f'{len(_w)} warm')
except ValueError as error:
    _w.append(repr(error))
{'n': 6 * 7, 'w': _w}
`;

/** A Python interpreter inside the sandbox, with one namespace that persists across runs. */
export class PythonRuntime {
  readonly #run: PyFunction;
  readonly #setEnv: PyFunction;
  readonly #namespace: unknown;
  readonly #newNamespace: PyFunction;

  constructor(private readonly pyodide: PyodideApi) {
    if (!pyodide.globals.get('_g_run')) pyodide.runPython(HELPERS);
    this.#run = pyodide.globals.get('_g_run') as PyFunction;
    this.#setEnv = pyodide.globals.get('_g_set_env') as PyFunction;
    this.#newNamespace = pyodide.globals.get('_g_new_namespace') as PyFunction;
    this.#namespace = this.#newNamespace();
  }

  /**
   * Runs the warm-up code the way a run runs code, in a namespace of its own that is then dropped,
   * with an empty environment and its output discarded. Only the executor's own code runs before it.
   */
  async warmUp(): Promise<void> {
    const refuse = () => Promise.resolve(JSON.stringify({ status: 'refused', message: 'warm-up' }));
    routeOutput(this.pyodide, true);
    try {
      this.#setEnv('{}');
      const answer = JSON.parse(String(await this.#run(WARM_UP, this.#newNamespace(), refuse))) as { ok?: true };
      if (!answer.ok) throw new Error('the Python warm-up run failed');
    } finally {
      routeOutput(this.pyodide);
    }
  }

  /** Runs `code`; the value of its last expression is the result. */
  async run(
    code: string,
    env: Record<string, string>,
    call: (name: string, argsJson: string) => Promise<string>,
  ): Promise<RunOutcome> {
    this.#setEnv(JSON.stringify(env));
    const answer = JSON.parse(String(await this.#run(code, this.#namespace, call))) as {
      ok?: true;
      json?: string;
    } & Partial<ErrorReport>;
    if (answer.ok) return answer.json === undefined ? { ok: true } : { ok: true, json: answer.json };
    const report: ErrorReport = {
      kind: answer.kind as ErrorKind,
      name: answer.name ?? 'Exception',
      message: answer.message ?? '',
      ...(answer.stack ? { stack: answer.stack } : {}),
    };
    return { ok: false, error: report };
  }
}

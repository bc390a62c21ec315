/**
 * Entry point of every sandbox process. Deno starts it with permissions for nothing but the
 * control socket, the sandbox's own directory, the allow-listed loopback endpoints and (for
 * Python) the Pyodide files. Steps:
 *   1. connect to the executor's control socket;
 *   2. for Python, boot Pyodide from the memory snapshot;
 *   3. revoke the socket and Pyodide permissions, so user code can neither reconnect nor read them;
 *   4. say ready, then run each `run` message the executor sends, one at a time.
 * User output goes to this process's stdout and stderr, which the executor reads raw; only
 * results and tool calls travel over the socket.
 */
import { connectControl, type ControlMessage } from './control-channel.ts';
import { reportJsError } from './error-report.ts';
import { loadPython } from './pyodide-loader.ts';
import { PythonRuntime } from './python-runtime.ts';
import { runJavaScript, type RunOutcome } from './run-javascript.ts';
import { runTypeScript } from './run-typescript.ts';
import { installPolicyEnv } from './sandbox-env.ts';
import { ToolsBridge } from './tools-bridge.ts';

// Taken before anything else, and off the global object (V8 makes it non-configurable, so it
// is overwritten, not deleted): user code never gets it.
const collectGarbage = (globalThis as { gc?: () => void }).gc;
(globalThis as { gc?: unknown }).gc = undefined;

const options = Object.fromEntries(Deno.args.map((arg) => arg.replace(/^--/, '').split(/=(.*)/s).slice(0, 2)));
const socket = options['socket']!;
const stdout = Deno.stdout;
const stderr = Deno.stderr;
const encoder = new TextEncoder();

// 1. Connect while the socket permission still exists.
const channel = await connectControl(socket);

// 2. Boot Python before the Pyodide files become unreadable.
const python =
  options['family'] === 'python'
    ? new PythonRuntime(await loadPython({ dir: options['pyodide']!, snapshot: options['snapshot'] }))
    : undefined;

// 3. Drop every permission user code must not have.
await Deno.permissions.revoke({ name: 'net', host: `unix:${socket}` } as Deno.PermissionDescriptor);
await Deno.permissions.revoke({ name: 'read', path: socket });
await Deno.permissions.revoke({ name: 'write', path: socket });
if (options['pyodide']) await Deno.permissions.revoke({ name: 'read', path: options['pyodide'] });
if (options['snapshot']) await Deno.permissions.revoke({ name: 'read', path: options['snapshot'] });

// Errors the code leaves behind in timers or unawaited promises must not end a session's sandbox.
globalThis.addEventListener('unhandledrejection', (event) => {
  event.preventDefault();
  writeAll(stderr, `Uncaught (in promise) ${describe(event.reason)}\n`);
});
globalThis.addEventListener('error', (event) => {
  event.preventDefault();
  writeAll(stderr, `Uncaught ${describe(event.error)}\n`);
});

// Deno sets up its signal machinery (a self-pipe) on the first signal listener and panics if that
// fails. Code that fills its descriptor table would otherwise crash the sandbox the moment the
// runtime first listens for a signal; set it up now, while descriptors are free.
const noop = () => undefined;
Deno.addSignalListener('SIGWINCH', noop);
Deno.removeSignalListener('SIGWINCH', noop);

const tools = new ToolsBridge(channel);

// Warm the interpreter up now, off the first execution's latency: no user code has run yet.
if (python) await python.warmUp();

// 4. Serve runs. The executor takes the runtime's memory share when it hears ready: collect the
//    boot's garbage first, so that V8 cannot free it later and hand it to the code as room.
collectGarbage?.();
let running = false;
await channel.send({ t: 'ready' });
await channel.listen((message) => {
  if (message.t === 'tool-result') tools.settle(message as never);
  else if (message.t === 'run' && !running) void run(message);
});
Deno.exit(0);

async function run(message: ControlMessage): Promise<void> {
  running = true;
  const seq = Number(message['seq']);
  const code = String(message['code']);
  const env = (message['env'] ?? {}) as Record<string, string>;
  let outcome: RunOutcome;
  // The wall-time budget is the code's: the executor starts its clock on this, not on sending the run.
  await channel.send({ t: 'started', seq });
  try {
    if (options['keep-env'] !== 'true') installPolicyEnv(env);
    switch (message['language']) {
      case 'python':
        outcome = python
          ? await python.run(code, env, tools.pythonCall(seq))
          : { ok: false, error: { kind: 'runtime', name: 'Error', message: 'this sandbox has no Python' } };
        break;
      case 'typescript':
        outcome = await runTypeScript(code, tools.jsTools(seq), seq);
        break;
      default:
        outcome = await runJavaScript(code, tools.jsTools(seq));
    }
  } catch (error) {
    outcome = { ok: false, error: reportJsError(error, 'run') };
  }
  // The fence marks the end of this run's output on both streams; the code never learns it.
  const fence = String(message['fence']);
  writeAll(stdout, fence);
  writeAll(stderr, fence);
  running = false;
  await channel.send({ t: 'done', seq, ...outcome });
}

function writeAll(stream: { writeSync(b: Uint8Array): number }, text: string): void {
  try {
    const bytes = encoder.encode(text);
    for (let off = 0; off < bytes.length;) off += stream.writeSync(bytes.subarray(off));
  } catch {
    // A stream the code closed: the executor's fence deadline covers it.
  }
}

function describe(value: unknown): string {
  const report = reportJsError(value, 'run');
  return report.stack ?? `${report.name}: ${report.message}`;
}

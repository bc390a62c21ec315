/**
 * Makes the Pyodide memory snapshot sandboxes boot from. Runs in its own clean Deno process that
 * never sees user code, with read access to the pyodide folder and write access to one file.
 * Usage: deno run --allow-read=PYODIDE --allow-write=OUT make-snapshot.ts PYODIDE OUT
 */
import { loadPython } from './pyodide-loader.ts';
import { HELPERS } from './python-runtime.ts';

const [dir, out] = Deno.args;
if (!dir || !out) throw new Error('usage: make-snapshot.ts PYODIDE_DIR OUT_FILE');
const pyodide = await loadPython({ dir }, { makeSnapshot: true });
// Modules every run imports, and the runtime's helpers, are loaded before the snapshot so that
// sandboxes need not (~25 ms of CPU each). The helpers hold no JavaScript object, as a snapshot requires.
pyodide.runPython('import json, os, traceback, asyncio\nfrom pyodide.code import CodeRunner');
pyodide.runPython(HELPERS);
await Deno.writeFile(out, pyodide.makeMemorySnapshot());

/** Loads Pyodide from the node_modules folder; with a memory snapshot it starts in ~0.4 s. */
// deno-lint-ignore no-explicit-any
export type Pyodide = any;

export interface PyodideLocation {
  /** Folder of the pyodide npm package (pyodide.mjs, the wasm, the stdlib zip). */
  dir: string;
  /** A memory snapshot made by make-snapshot.ts, or undefined to boot from scratch. */
  snapshot?: string;
}

const writeAll =
  (stream: { writeSync(b: Uint8Array): number }) =>
  (buffer: Uint8Array): number => {
    for (let off = 0; off < buffer.length;) off += stream.writeSync(buffer.subarray(off));
    return buffer.length;
  };

/** Boots Pyodide and routes Python's stdout and stderr, unbuffered, to the process's own. */
export async function loadPython(
  location: PyodideLocation,
  options: { makeSnapshot?: boolean } = {},
): Promise<Pyodide> {
  const url = new URL(`file://${location.dir}/pyodide.mjs`).href;
  const { loadPyodide } = (await import(url)) as { loadPyodide: (o: Record<string, unknown>) => Promise<Pyodide> };
  const snapshot = location.snapshot ? await Deno.readFile(location.snapshot) : undefined;
  const pyodide = await loadPyodide({
    indexURL: `${location.dir}/`,
    env: { HOME: '/home/pyodide' },
    ...(options.makeSnapshot ? { _makeSnapshot: true } : {}),
    ...(snapshot ? { _loadSnapshot: snapshot } : {}),
  });
  routeOutput(pyodide);
  return pyodide;
}

/** Sends Python's stdout and stderr to the process's own, or (sink) nowhere. */
export function routeOutput(pyodide: Pyodide, sink = false): void {
  const discard = (buffer: Uint8Array) => buffer.length;
  pyodide.setStdout({ write: sink ? discard : writeAll(Deno.stdout) });
  pyodide.setStderr({ write: sink ? discard : writeAll(Deno.stderr) });
}

import { join } from 'node:path';

/** What an adapter option holds: a path given as its value, or a switch given by its name alone. */
export type AdapterOptionKind = 'path' | 'flag';

/**
 * How the harness starts one adapter. Nothing here changes the policy: the harness fits every
 * case's policy to what the adapter declares in `initialize`, as for any executor.
 */
export interface AdapterEntry {
  /** Folder under adapters/ (and dist/adapters/) holding main.ts. */
  folder: string;
  /** Node flags the library documents as required. */
  nodeArgs?: readonly string[];
  /**
   * Options the adapter takes. A `path` option is written `adapter:<name>:<key>=<value>` and
   * passed on as `--<key> <value>`: it names a file or folder, which the harness makes absolute
   * and checks exists. A `flag` option is written `adapter:<name>:<key>` and passed on as `--<key>`.
   */
  options?: Readonly<Record<string, AdapterOptionKind>>;
  summary: string;
}

/** Every adapter, by the name used in `--target adapter:<name>`. Data only: no library is loaded here. */
export const adapterCatalogue: Readonly<Record<string, AdapterEntry>> = {
  'node-vm': { folder: 'node-vm', summary: 'node:vm contexts in the executor process' },
  vm2: {
    folder: 'vm2',
    options: { module: 'path' },
    summary: 'vm2 VM instances in the executor process (module=<vm2 package folder> loads another vm2)',
  },
  'isolated-vm': {
    folder: 'isolated-vm',
    nodeArgs: ['--no-node-snapshot'],
    summary: 'isolated-vm isolates (separate V8 heaps) in the executor process',
  },
  quickjs: { folder: 'quickjs', summary: 'quickjs-emscripten: QuickJS compiled to WebAssembly' },
  ses: { folder: 'ses', summary: 'SES: lockdown() and a Compartment per execution' },
  pyodide: {
    folder: 'pyodide',
    options: { 'claim-limits': 'flag' },
    summary:
      'Pyodide in Node, used plainly (runPythonAsync); claim-limits declares wall-time and memory limits ' +
      'hard that Pyodide does not enforce (the integration mistake the limit properties catch)',
  },
  deno: { folder: 'deno', summary: 'a deno run process per execution with permission flags' },
  bubblewrap: { folder: 'bubblewrap', summary: 'bubblewrap (bwrap --unshare-all) running python3 and node' },
};

/** The names of every adapter. */
export const adapterNames: readonly string[] = Object.keys(adapterCatalogue);

/**
 * The command line that starts adapter `name` built under `packageRoot`/dist, with `options`
 * (already checked against the entry's) as `--<key> <value>`, or `--<key>` for a flag; throws for
 * an unknown name.
 */
export function adapterLaunch(
  name: string,
  packageRoot: string,
  options: Readonly<Record<string, string>> = {},
): { command: string; args: string[]; entry: AdapterEntry } {
  const entry = adapterCatalogue[name];
  if (!entry) throw new Error(`unknown adapter "${name}": one of ${adapterNames.join(', ')}`);
  const main = join(packageRoot, 'dist/adapters', entry.folder, 'main.js');
  const flags = Object.entries(options).flatMap(([key, value]) =>
    entry.options?.[key] === 'flag' ? [`--${key}`] : [`--${key}`, value],
  );
  return { command: process.execPath, args: [...(entry.nodeArgs ?? []), main, ...flags], entry };
}

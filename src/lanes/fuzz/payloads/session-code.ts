import type { Storage } from '../sessions/session-model.js';
import type { PayloadDialect } from './payload-language.js';
import { pythonString } from './python-string.js';

/** Keys and values are generated names (`k0`, `v12`); every literal still goes through the language's own quoting. */
const js = (text: string) => JSON.stringify(text);
const py = pythonString;

/** Code that keeps `value` under `key` in a global or a file of the session directory, and returns "set". */
export function storeCode(dialect: PayloadDialect, key: string, value: string, storage: Storage): string {
  const name = `fz_${key}`;
  if (dialect === 'python') {
    if (storage === 'global') return `globals()[${py(name)}] = ${py(value)}\n"set"`;
    return `with open(${py(`${name}.txt`)}, "w") as f:\n    f.write(${py(value)})\n"set"`;
  }
  if (storage === 'global') return `globalThis[${js(name)}] = ${js(value)}; return "set";`;
  return `Deno.writeTextFileSync(${js(`${name}.txt`)}, ${js(value)}); return "set";`;
}

/**
 * Code that returns, as a one-element list, what is kept under `key` or null (Python: None): a
 * list always comes back, so an executor that runs nothing cannot pass for an empty session.
 */
export function loadCode(dialect: PayloadDialect, key: string, storage: Storage): string {
  const name = `fz_${key}`;
  if (dialect === 'python') {
    if (storage === 'global') return `[globals().get(${py(name)})]`;
    const read = [`with open(${py(`${name}.txt`)}) as f:`, '        fz_read = f.read()'];
    return ['fz_read = None', 'try:', `    ${read[0]}`, read[1], 'except OSError:', '    pass', '[fz_read]'].join('\n');
  }
  if (storage === 'global') return `return [globalThis[${js(name)}] ?? null];`;
  return `try { return [Deno.readTextFileSync(${js(`${name}.txt`)})]; } catch { return [null]; }`;
}

/**
 * Code that returns, as a one-element list, what a global `key` held before (null when nothing), then sets it to
 * `value`.
 */
export function swapGlobalCode(dialect: PayloadDialect, key: string, value: string): string {
  const name = `fz_${key}`;
  if (dialect === 'python')
    return `fz_before = globals().get(${py(name)})\nglobals()[${py(name)}] = ${py(value)}\n[fz_before]`;
  return `const before = globalThis[${js(name)}] ?? null; globalThis[${js(name)}] = ${js(value)}; return [before];`;
}

/** Code that returns 1. */
export function trivialCode(dialect: PayloadDialect): string {
  return dialect === 'python' ? '1' : 'return 1;';
}

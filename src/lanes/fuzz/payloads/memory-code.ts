import type { LimitProofs } from '../properties/limit-proofs.js';
import type { PayloadDialect } from './payload-language.js';

const MiB = 1024 * 1024;

/**
 * Where the payload keeps what it allocates. JavaScript: off the JS heap, on it, or in a
 * WebAssembly memory. Python: a filled bytearray, a str, or small objects (a list of floats).
 */
export const MEMORY_KINDS = {
  js: ['array-buffer', 'js-heap', 'wasm-memory'],
  python: ['bytearray', 'str', 'objects'],
} as const;
export type MemoryKind = (typeof MEMORY_KINDS)[PayloadDialect][number];

/** What one memory payload does: allocate `stepMiB` at a time, in `kind`, up to `targetMiB`. */
export interface MemoryPayload {
  kind: MemoryKind;
  stepMiB: number;
  targetMiB: number;
}

const WASM_MEMORY =
  'typeof WebAssembly === "object" ? new WebAssembly.Memory({ initial: 0, maximum: 65536 }) : undefined';

function jsAllocation(kind: MemoryKind, step: number): string {
  switch (kind) {
    case 'js-heap':
      return `const a = new Array(${step / 8}); for (let i = 0; i < a.length; i++) a[i] = i + 0.5;\nheld.push(a);`;
    // An engine without WebAssembly (QuickJS) allocates array buffers instead: the cap is still what is tested.
    case 'wasm-memory':
      return [
        `if (memory) { memory.grow(${step / 65536}); new Uint8Array(memory.buffer).fill(7, total, total + ${step}); }`,
        `else { const b = new Uint8Array(${step}); b.fill(7); held.push(b); }`,
      ].join(' ');
    default:
      return `const b = new Uint8Array(${step}); b.fill(7); held.push(b);`;
  }
}

/**
 * Each step really holds at least what it counts: a float object with its list slot takes 20
 * bytes or more (wasm32), counted as 16.
 */
function pythonAllocation(kind: MemoryKind, step: number): string {
  switch (kind) {
    case 'str':
      return `held.append("x" * ${step})`;
    case 'objects':
      return `held.append([i + 0.5 for i in range(${step / 16})])`;
    default:
      return `held.append(bytearray(b"\\x07") * ${step})`;
  }
}

/**
 * Code that prints its positive control, allocates in steps while printing what it holds
 * (`held N`), and, if nothing stopped it by `targetMiB`, prints and returns the proof that it got
 * past its limit.
 */
export function memoryCode(dialect: PayloadDialect, payload: MemoryPayload, proofs: LimitProofs): string {
  const step = payload.stepMiB * MiB;
  const target = payload.targetMiB * MiB;
  if (dialect === 'python') {
    return [
      `print(${proofs.control.expression}, flush=True)`,
      'held = []',
      'total = 0',
      `while total < ${target}:`,
      `    ${pythonAllocation(payload.kind, step)}`,
      `    total += ${step}`,
      '    print("held " + str(total), flush=True)',
      `print(${proofs.pastLimit.expression}, flush=True)`,
      proofs.pastLimit.expression,
    ].join('\n');
  }
  return [
    `console.log(${proofs.control.expression});`,
    'const held = [];',
    `const memory = ${payload.kind === 'wasm-memory' ? WASM_MEMORY : 'undefined'};`,
    'let total = 0;',
    `while (total < ${target}) {`,
    `  ${jsAllocation(payload.kind, step)}`,
    `  total += ${step};`,
    '  console.log("held " + total);',
    '}',
    `console.log(${proofs.pastLimit.expression});`,
    `return ${proofs.pastLimit.expression};`,
  ].join('\n');
}

import type { PayloadDialect } from './payload-language.js';
import { pythonString } from './python-string.js';

/** What one output payload writes: `chars` copies of `unit`, as its result or `width` per line on a stream. */
export interface OutputPayload {
  stream: 'stdout' | 'stderr' | 'result';
  unit: string;
  chars: number;
  width: number;
}

/**
 * JavaScript writes with console.log and console.error only: every JavaScript sandbox offers
 * them, not every one a stream API (Deno.stdout, process.stdout).
 */
function jsCode({ stream, unit, chars, width }: OutputPayload): string {
  if (stream === 'result') return `return ${JSON.stringify(unit)}.repeat(${chars});`;
  const print = stream === 'stdout' ? 'console.log' : 'console.error';
  const line = `unit.repeat(Math.min(${width}, ${chars} - at))`;
  return (
    `const unit = ${JSON.stringify(unit)};\n` +
    `for (let at = 0; at < ${chars}; at += ${width}) ${print}(${line});\n` +
    `return "FZ-WROTE";`
  );
}

/** Python writes through sys.stdout and sys.stderr, one line per write; the result is the last expression. */
function pythonCode({ stream, unit, chars, width }: OutputPayload): string {
  if (stream === 'result') return `${pythonString(unit)} * ${chars}`;
  return [
    'import sys',
    `unit = ${pythonString(unit)}`,
    'at = 0',
    `while at < ${chars}:`,
    `    sys.${stream}.write(unit * min(${width}, ${chars} - at) + "\\n")`,
    `    at += ${width}`,
    `sys.${stream}.flush()`,
    '"FZ-WROTE"',
  ].join('\n');
}

/**
 * Code that writes `chars` whole characters to its stream (lines of `width`, each ending in a
 * newline) or returns them as a string.
 */
export function outputCode(dialect: PayloadDialect, payload: OutputPayload): string {
  return dialect === 'python' ? pythonCode(payload) : jsCode(payload);
}

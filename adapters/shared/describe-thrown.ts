import type { ExecutionError } from '../../src/protocol/generated/types.js';

const MAX_TEXT = 16 * 1024;

/**
 * Describes a value the sandboxed code threw as an execution error. Thrown values are hostile (a
 * getter or a Proxy may throw or lie), so every read is guarded and bounded.
 */
export function describeThrown(thrown: unknown, type: ExecutionError['type'] = 'runtime'): ExecutionError {
  const isObject = (typeof thrown === 'object' && thrown !== null) || typeof thrown === 'function';
  const name = isObject ? read(thrown, 'name') : undefined;
  const message = isObject ? (read(thrown, 'message') ?? safeString(thrown)) : safeString(thrown);
  const stack = isObject ? read(thrown, 'stack') : undefined;
  return {
    type,
    message: message.slice(0, MAX_TEXT),
    ...(name ? { name: name.slice(0, 200) } : {}),
    ...(stack ? { stack: stack.slice(0, MAX_TEXT) } : {}),
  };
}

/** A syntax error when the thrown value says it is one, else a runtime error. */
export function describeCompileOrRun(thrown: unknown, compiling: boolean): ExecutionError {
  const described = describeThrown(thrown);
  return compiling && described.name === 'SyntaxError' ? { ...described, type: 'syntax' } : described;
}

function read(value: unknown, key: string): string | undefined {
  try {
    const field = (value as Record<string, unknown>)[key];
    return field === undefined || field === null ? undefined : safeString(field);
  } catch {
    return undefined;
  }
}

function safeString(value: unknown): string {
  try {
    return String(value);
  } catch {
    return 'a value that cannot be converted to a string';
  }
}

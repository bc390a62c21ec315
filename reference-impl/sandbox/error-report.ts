/**
 * Describes what the code threw as plain data for the executor. Thrown values are hostile: a
 * getter or a Proxy can throw or lie, so every read is guarded and the executor re-checks kinds.
 */
export type ErrorKind = 'syntax' | 'runtime' | 'permission' | 'validation' | 'resource';

export interface ErrorReport {
  kind: ErrorKind;
  name: string;
  message: string;
  stack?: string;
  resource?: string;
}

const NotCapable = Deno.errors.NotCapable;
const StringOf = String;
const DENIAL = /^Requires (\w+) access to "?([^",]*)"?/;

/** Errors the sandbox itself raised for tool calls, with the kind they stand for. */
export const toolErrorKinds = new WeakMap<object, { kind: ErrorKind; resource: string }>();

function read(value: unknown, key: string): string | undefined {
  try {
    const field = (value as Record<string, unknown>)[key];
    return field === undefined || field === null ? undefined : StringOf(field);
  } catch {
    return undefined;
  }
}

/** Turns a thrown JavaScript value into a report; `stage` is 'compile' for syntax errors. */
export function reportJsError(error: unknown, stage: 'compile' | 'run'): ErrorReport {
  const isObject = typeof error === 'object' && error !== null;
  let message = isObject ? (read(error, 'message') ?? '') : safeString(error);
  const name = isObject ? (read(error, 'name') ?? 'Error') : typeof error;
  const stack = isObject ? read(error, 'stack') : undefined;
  const tool = isObject ? toolErrorKinds.get(error as object) : undefined;
  const denial = DENIAL.exec(message);
  let kind: ErrorKind = stage === 'compile' ? 'syntax' : 'runtime';
  if (tool) kind = tool.kind;
  else if ((isObject && error instanceof NotCapable) || denial) kind = 'permission';
  if (message.length > 65536) message = message.slice(0, 65536);
  return {
    kind,
    name,
    message,
    ...(stack ? { stack: stack.slice(0, 65536) } : {}),
    ...(tool ? { resource: tool.resource } : denial ? { resource: denial[2]! } : {}),
  };
}

function safeString(value: unknown): string {
  try {
    return StringOf(value);
  } catch {
    return 'a value that cannot be converted to a string';
  }
}

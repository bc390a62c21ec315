import { reportJsError, type ErrorReport } from './error-report.ts';

/** What one run produced: the JSON text of the result (absent for undefined), or an error. */
export type RunOutcome = { ok: true; json?: string } | { ok: false; error: ErrorReport };

const AsyncFunction = (async () => undefined).constructor as new (
  ...args: string[]
) => (tools: object) => Promise<unknown>;
const stringify = JSON.stringify;

/** Serialises a result value; a value JSON cannot express is the code's runtime error. */
export function resultOutcome(value: unknown): RunOutcome {
  if (value === undefined) return { ok: true };
  try {
    const json = stringify(value);
    return json === undefined ? { ok: true } : { ok: true, json };
  } catch (error) {
    return {
      ok: false,
      error: {
        ...reportJsError(error, 'run'),
        message: `the result cannot be serialised as JSON: ${reportJsError(error, 'run').message}`,
      },
    };
  }
}

/**
 * Runs JavaScript as the body of an async function: top-level await works and `return x` gives
 * the result. The code is compiled with the Function constructor, never loaded as a module file,
 * so every `import()` it makes goes through Deno's permission checks.
 */
export async function runJavaScript(code: string, tools: object): Promise<RunOutcome> {
  let body: (tools: object) => Promise<unknown>;
  try {
    body = new AsyncFunction('tools', code);
  } catch (error) {
    return { ok: false, error: reportJsError(error, 'compile') };
  }
  try {
    return resultOutcome(await body.call(undefined, tools));
  } catch (error) {
    return { ok: false, error: reportJsError(error, 'run') };
  }
}

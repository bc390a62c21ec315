import type { ExecutionError } from '../../src/protocol/generated/types.js';

/** The result member of an execute answer: the parsed value, or the cut serialisation. */
export type ResultField = { ok: true; result?: unknown; truncated: boolean } | { ok: false; error: ExecutionError };

/**
 * Turns the code's result into the answer's `result`: serialised as JSON (a value JSON cannot
 * express is the code's runtime error), capped at `resultBytes` in truncate mode (the first
 * bytes of the serialisation, as a string) and an output_limit error in kill mode.
 */
export function resultField(
  outcome: { value?: unknown } | { json?: string },
  resultBytes: number,
  onExceed: 'truncate' | 'kill',
): ResultField {
  let json: string | undefined;
  if ('json' in outcome) json = outcome.json;
  else if ('value' in outcome && outcome.value !== undefined) {
    try {
      json = JSON.stringify(outcome.value);
    } catch (error) {
      const why = String((error as Error)?.message ?? error).slice(0, 500);
      return {
        ok: false,
        error: {
          type: 'runtime',
          name: 'TypeError',
          message: `the result cannot be serialised as JSON: ${why}`,
        },
      };
    }
  }
  if (json === undefined) return { ok: true, truncated: false };
  const bytes = Buffer.byteLength(json);
  if (bytes <= resultBytes) {
    try {
      return { ok: true, result: JSON.parse(json) as unknown, truncated: false };
    } catch {
      return { ok: false, error: { type: 'internal', message: 'the sandbox reported a result that is not JSON' } };
    }
  }
  if (onExceed === 'kill')
    return {
      ok: false,
      error: {
        type: 'output_limit',
        message: `the result is ${bytes} bytes, above the cap of ${resultBytes}`,
        limit: { kind: 'result', configured: resultBytes, observed: bytes },
      },
    };
  const cut = new TextDecoder().decode(Buffer.from(json).subarray(0, resultBytes));
  return { ok: true, result: cut.endsWith('\uFFFD') ? cut.slice(0, -1) : cut, truncated: true };
}

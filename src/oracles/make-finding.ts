import type { Finding } from '../report/generated/types.js';

/** Cuts a string to `limit` characters, saying so. */
function bounded(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

/** A finding with its evidence bounded to what the report schema allows. */
export function makeFinding(
  oracle: string,
  message: string,
  at: number,
  evidence: Omit<Finding, 'oracle' | 'message' | 'at'> = {},
): Finding {
  return {
    oracle,
    message: bounded(message, 2000),
    at: new Date(at).toISOString(),
    ...evidence,
    ...(evidence.excerpt === undefined ? {} : { excerpt: bounded(evidence.excerpt, 2000) }),
    ...(evidence.expected === undefined ? {} : { expected: bounded(evidence.expected, 500) }),
    ...(evidence.observed === undefined ? {} : { observed: bounded(evidence.observed, 500) }),
  };
}

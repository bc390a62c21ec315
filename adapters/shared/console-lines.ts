import { format } from 'node:util';
import type { Job } from './adapter.js';

/**
 * A console for sandboxes that are handed host functions: log/info/debug go to stdout, warn and
 * error to stderr, formatted like Node's console.
 */
export function consoleLines(
  job: Job,
): Record<'log' | 'info' | 'debug' | 'warn' | 'error', (...args: unknown[]) => void> {
  const out = (...args: unknown[]) => void job.stdout.write(`${format(...args)}\n`);
  const err = (...args: unknown[]) => void job.stderr.write(`${format(...args)}\n`);
  return { log: out, info: out, debug: out, warn: err, error: err };
}

#!/usr/bin/env node
/**
 * The reference executor's command line: `node dist/reference-impl/src/main.js --stdio` or
 * `--listen 127.0.0.1:PORT`. See reference-impl/README.md for the flags and the faults.
 */
import { isHarnessError } from '../../src/errors/harness-error.js';
import { parseCliArgs, USAGE } from './config/parse-cli-args.js';
import { startExecutor } from './server/start-executor.js';

try {
  const options = parseCliArgs(process.argv.slice(2), process.env);
  if (options.help) {
    process.stderr.write(USAGE);
    process.exit(0);
  }
  const executor = await startExecutor(options, process.env);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void executor.stop());
  await executor.stopped;
  process.exit(0);
} catch (error) {
  process.stderr.write(`gauntlet-executor: ${describeFailure(error)}\n`);
  process.exit(2);
}

/** What a start-up failure says: a configuration error's message, else the stack when there is one. */
function describeFailure(error: unknown): string {
  if (isHarnessError(error)) return error.message;
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

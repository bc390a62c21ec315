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
  process.stderr.write(
    `gauntlet-executor: ${isHarnessError(error) ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(2);
}

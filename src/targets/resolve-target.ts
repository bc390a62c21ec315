import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { LoadedConfig } from '../config/load-config.js';
import type { Tenants } from '../config/generated/types.js';
import { HarnessError, HarnessErrorCode } from '../errors/harness-error.js';
import { splitCommandLine } from './split-command-line.js';
import type { Target } from './target.js';

/** Where Gauntlet's reference executor is built. */
export function referenceMain(packageRoot: string): string {
  return join(packageRoot, 'dist/reference-impl/src/main.js');
}

/**
 * Resolves --target: `reference` (the default: the built reference executor over stdio),
 * `stdio:<command line>`, a `ws://` or `wss://` URL, or the name of a target in the config.
 * `tenants` gives fixed credentials to targets that need them (a WebSocket executor).
 */
export function resolveTarget(argument: string | undefined, config: LoadedConfig | undefined, packageRoot: string, tenants?: Tenants): Target {
  const name = argument ?? config?.config.defaultTarget ?? 'reference';
  const named = config?.config.targets?.[name];
  if (named) {
    const spec = named.transport === 'stdio' && named.cwd ? { ...named, cwd: resolve(config.dir, named.cwd) } : named;
    return { name, spec: tenants ? { ...spec, tenants } : spec };
  }
  if (name === 'reference') {
    const main = referenceMain(packageRoot);
    if (!existsSync(main)) throw new HarnessError(HarnessErrorCode.ExecutorStartFailed, 'the reference executor is not built; run `npm run build` first', main);
    return { name, spec: { transport: 'stdio', command: process.execPath, args: [main, '--stdio'], cwd: packageRoot, ...(tenants ? { tenants } : {}) } };
  }
  if (name.startsWith('stdio:')) {
    let words: string[];
    try {
      words = splitCommandLine(name.slice('stdio:'.length));
    } catch (error) {
      throw new HarnessError(HarnessErrorCode.ConfigInvalid, (error as Error).message, '--target');
    }
    const [command, ...args] = words;
    if (!command) throw new HarnessError(HarnessErrorCode.ConfigInvalid, 'stdio: needs a command, as in stdio:"node my-executor.js"', '--target');
    return { name, spec: { transport: 'stdio', command, args, ...(tenants ? { tenants } : {}) } };
  }
  if (/^wss?:\/\//.test(name)) {
    if (!tenants) throw new HarnessError(HarnessErrorCode.ConfigInvalid, 'a WebSocket executor does not learn tokens from Gauntlet: give its tenants with --tenants FILE or a named target in gauntlet.config.json', '--target');
    return { name, spec: { transport: 'websocket', url: name, tenants } };
  }
  const known = Object.keys(config?.config.targets ?? {});
  throw new HarnessError(HarnessErrorCode.ConfigInvalid, `unknown target "${name}": use reference, stdio:<command line>, ws://host:port/path${known.length ? `, or one of ${known.join(', ')}` : ''}`, '--target');
}

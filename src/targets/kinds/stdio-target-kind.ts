import { HarnessError, HarnessErrorCode } from '../../errors/harness-error.js';
import { splitCommandLine } from '../split-command-line.js';
import { resolve } from 'node:path';
import { stdioTarget } from '../stdio-target.js';
import type { TargetKind } from '../target-kind.js';

/** `stdio:<command line>`: any process that speaks the protocol on its stdin and stdout. */
export const stdioTargetKind: TargetKind = {
  name: 'stdio',
  syntax: 'stdio:<command line>',
  description: 'spawn any process that speaks the protocol over stdio (quoted like a shell, never run by one)',
  matches: (spec) => spec.startsWith('stdio:'),
  resolve(spec, { tenants }) {
    let words: string[];
    try {
      words = splitCommandLine(spec.slice('stdio:'.length));
    } catch (error) {
      throw new HarnessError(HarnessErrorCode.ConfigInvalid, (error as Error).message, '--target');
    }
    const [command, ...args] = words;
    if (!command)
      throw new HarnessError(
        HarnessErrorCode.ConfigInvalid,
        'stdio: needs a command, as in stdio:"node my-executor.js"',
        '--target',
      );
    return { name: spec, spec: stdioTarget({ transport: 'stdio', command, args, ...(tenants ? { tenants } : {}) }) };
  },
  configTransport: 'stdio',
  fromConfig(config, { configDir, tenants }) {
    if (config.transport !== 'stdio')
      throw new HarnessError(HarnessErrorCode.Internal, `not a stdio target: ${config.transport}`);
    return stdioTarget({
      ...config,
      ...(config.cwd ? { cwd: resolve(configDir, config.cwd) } : {}),
      ...(tenants ? { tenants } : {}),
    });
  },
};

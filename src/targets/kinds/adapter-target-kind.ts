import { existsSync } from 'node:fs';
import { adapterCatalogue, adapterLaunch, adapterNames } from '../../../adapters/adapter-catalogue.js';
import { HarnessError, HarnessErrorCode } from '../../errors/harness-error.js';
import { installHint } from '../../packages/optional-packages.js';
import type { TargetKind } from '../target-kind.js';
import { locateBuiltPackage } from './locate-built-package.js';

/**
 * `adapter:<name>`: one of the protocol adapters around third-party sandboxes in adapters/,
 * built under dist/ and spawned over stdio. Like any executor, each adapter gets policies fitted to
 * what it declares in `initialize` (fitPolicy), and refuses what it cannot enforce.
 */
export const adapterTargetKind: TargetKind = {
  name: 'adapter',
  syntax: `adapter:<${adapterNames.join('|')}>`,
  description: 'a protocol adapter around a third-party sandbox (node:vm, vm2, isolated-vm, QuickJS, SES, Pyodide, Deno, bubblewrap)',
  matches: (spec) => spec.startsWith('adapter:'),
  resolve(spec, { packageRoot, tenants }) {
    const name = spec.slice('adapter:'.length);
    if (!adapterCatalogue[name]) throw new HarnessError(HarnessErrorCode.ConfigInvalid, `unknown adapter "${name}": use one of ${adapterNames.map((n) => `adapter:${n}`).join(', ')}`, '--target');
    // 1. The adapters: built in this checkout, or the installed gauntlet-adapters package.
    const root = locateBuiltPackage(packageRoot, 'gauntlet-adapters', 'adapters/adapter-catalogue.js');
    if (!root) throw new HarnessError(HarnessErrorCode.PackageMissing, installHint('gauntlet-adapters'), 'gauntlet-adapters');
    // 2. This adapter's entry point, which a partial build may lack.
    const { command, args, entry } = adapterLaunch(name, root);
    const main = args[args.length - 1]!;
    if (!existsSync(main)) throw new HarnessError(HarnessErrorCode.ExecutorStartFailed, 'the adapter is not built; run `npm run build` first', main);
    return {
      name: spec,
      spec: { transport: 'stdio', description: entry.summary, command, args, cwd: packageRoot, ...(tenants ? { tenants } : {}) },
    };
  },
};

import { existsSync } from 'node:fs';
import { join } from 'node:path';
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
    const known = adapterCatalogue[name];
    if (!known) throw new HarnessError(HarnessErrorCode.ConfigInvalid, `unknown adapter "${name}": use one of ${adapterNames.map((n) => `adapter:${n}`).join(', ')}`, '--target');
    // 1. The adapter's entry point: built in this checkout, or in the installed gauntlet-adapters.
    const builtPath = `adapters/${known.folder}/main.js`;
    const root = locateBuiltPackage(packageRoot, 'gauntlet-adapters', builtPath);
    // 2. Neither: a checkout (it has the adapters' sources) needs a build, a project the package.
    if (!root && existsSync(join(packageRoot, 'adapters', known.folder))) throw new HarnessError(HarnessErrorCode.ExecutorStartFailed, 'the adapter is not built; run `npm run build` first', join(packageRoot, 'dist', builtPath));
    if (!root) throw new HarnessError(HarnessErrorCode.PackageMissing, installHint('gauntlet-adapters'), 'gauntlet-adapters');
    const { command, args, entry } = adapterLaunch(name, root);
    return {
      name: spec,
      spec: { transport: 'stdio', description: entry.summary, command, args, cwd: packageRoot, ...(tenants ? { tenants } : {}) },
    };
  },
};

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { adapterCatalogue, adapterLaunch, adapterNames } from '../../../adapters/adapter-catalogue.js';
import { HarnessError, HarnessErrorCode } from '../../errors/harness-error.js';
import { installHint } from '../../packages/optional-packages.js';
import { stdioTarget } from '../stdio-target.js';
import type { TargetKind } from '../target-kind.js';
import { locateBuiltPackage } from './locate-built-package.js';
import { parseAdapterSpec } from './parse-adapter-spec.js';

/**
 * `adapter:<name>[:<key>=<value>,...]`: one of the protocol adapters around third-party
 * sandboxes in adapters/, built under dist/ and spawned over stdio, with the options its catalogue
 * entry declares (`adapter:vm2:module=<folder>` measures another vm2). Like any executor, each
 * adapter gets policies fitted to what it declares in `initialize` (fitPolicy), and refuses what
 * it cannot enforce.
 */
export const adapterTargetKind: TargetKind = {
  name: 'adapter',
  syntax: `adapter:<${adapterNames.join('|')}>[:key=value,...]`,
  description:
    'a protocol adapter around a third-party sandbox (node:vm, vm2, isolated-vm, QuickJS, SES, ' +
    'Pyodide, Deno, bubblewrap)',
  matches: (spec) => spec.startsWith('adapter:'),
  resolve(spec, { packageRoot, tenants }) {
    const { name, options } = parseAdapterSpec(spec, process.cwd());
    const known = adapterCatalogue[name]!;
    // 1. The adapter's entry point: built in this checkout, or in the installed gauntlet-adapters.
    const builtPath = `adapters/${known.folder}/main.js`;
    const root = locateBuiltPackage(packageRoot, 'gauntlet-adapters', builtPath);
    // 2. Neither: a checkout (it has the adapters' sources) needs a build, a project the package.
    if (!root && existsSync(join(packageRoot, 'adapters', known.folder)))
      throw new HarnessError(
        HarnessErrorCode.ExecutorStartFailed,
        'the adapter is not built; run `npm run build` first',
        join(packageRoot, 'dist', builtPath),
      );
    if (!root)
      throw new HarnessError(HarnessErrorCode.PackageMissing, installHint('gauntlet-adapters'), 'gauntlet-adapters');
    const { command, args, entry } = adapterLaunch(name, root, options);
    return {
      name: spec,
      spec: {
        ...stdioTarget({ transport: 'stdio', command, args, cwd: packageRoot, ...(tenants ? { tenants } : {}) }),
        description: entry.summary,
      },
    };
  },
};

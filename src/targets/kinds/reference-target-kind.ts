import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { HarnessError, HarnessErrorCode } from '../../errors/harness-error.js';
import { stdioTarget } from '../stdio-target.js';
import type { TargetKind } from '../target-kind.js';
import { locateBuiltPackage } from './locate-built-package.js';

const MAIN = 'reference-impl/src/main.js';

/**
 * Where Gauntlet's reference executor is built: dist/ of a repository checkout, else the
 * installed gauntlet-reference-executor package (a dependency of the harness).
 */
export function referenceMain(packageRoot: string): string {
  return join(locateBuiltPackage(packageRoot, 'gauntlet-reference-executor', MAIN) ?? packageRoot, 'dist', MAIN);
}

/** Fault names: the reference executor itself rejects unknown ones at start, with its list. */
const FAULT = /^[a-z0-9][a-z0-9-]{0,63}$/;

/**
 * `reference` (the default): the built reference executor over stdio. `reference:fault=NAME`
 * (repeatable, comma-separated: `reference:fault=env-leak,fault=open-network`) starts it with
 * deliberate weaknesses, to calibrate scenarios: each must fail against some weakened executor.
 * `reference:backend=docker` isolates with hardened containers instead of Deno processes.
 */
export const referenceTargetKind: TargetKind = {
  name: 'reference',
  syntax: 'reference[:backend=docker][,fault=NAME...]',
  description: "Gauntlet's reference executor over stdio (the default); with faults, deliberately weakened",
  matches: (spec) => spec === 'reference' || spec.startsWith('reference:'),
  resolve(spec, { packageRoot, tenants }) {
    const faults: string[] = [];
    const backend: string[] = [];
    for (const option of spec === 'reference' ? [] : spec.slice('reference:'.length).split(',')) {
      const [key, value] = option.split('=', 2);
      if (key === 'backend' && (value === 'docker' || value === 'deno')) {
        backend.push('--backend', value);
        continue;
      }
      if (key !== 'fault' || value === undefined || !FAULT.test(value)) {
        throw new HarnessError(
          HarnessErrorCode.ConfigInvalid,
          `"${option}" is not an option of the reference target; use reference:fault=NAME, ` +
            `reference:backend=docker, or both comma-separated (fault names: node ` +
            `dist/reference-impl/src/main.js --help)`,
          '--target',
        );
      }
      faults.push(value);
    }
    const main = referenceMain(packageRoot);
    if (!existsSync(main))
      throw new HarnessError(
        HarnessErrorCode.ExecutorStartFailed,
        'the reference executor is neither built here (`npm run build`) nor installed (gauntlet-reference-executor)',
        main,
      );
    const args = [main, '--stdio', ...backend, ...faults.flatMap((fault) => ['--fault', fault])];
    return {
      name: spec,
      spec: stdioTarget({
        transport: 'stdio',
        command: process.execPath,
        args,
        cwd: packageRoot,
        ...(tenants ? { tenants } : {}),
      }),
    };
  },
};

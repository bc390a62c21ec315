import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { HarnessError, HarnessErrorCode } from '../../errors/harness-error.js';
import { stdioTarget } from '../stdio-target.js';
import type { TargetKind } from '../target-kind.js';

/** Where Gauntlet's reference executor is built. */
export function referenceMain(packageRoot: string): string {
  return join(packageRoot, 'dist/reference-impl/src/main.js');
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
        throw new HarnessError(HarnessErrorCode.ConfigInvalid, `"${option}" is not an option of the reference target; use reference:fault=NAME, reference:backend=docker, or both comma-separated (fault names: node dist/reference-impl/src/main.js --help)`, '--target');
      }
      faults.push(value);
    }
    const main = referenceMain(packageRoot);
    if (!existsSync(main)) throw new HarnessError(HarnessErrorCode.ExecutorStartFailed, 'the reference executor is not built; run `npm run build` first', main);
    const args = [main, '--stdio', ...backend, ...faults.flatMap((fault) => ['--fault', fault])];
    return { name: spec, spec: stdioTarget({ transport: 'stdio', command: process.execPath, args, cwd: packageRoot, ...(tenants ? { tenants } : {}) }) };
  },
};

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageInfo } from '../../config/package-root.js';
import { ExecutorPool } from '../../runner/executor-pool.js';
import type { RunServices } from '../../runner/run-services.js';
import { runTenants, tenantsEnv } from '../../runner/run-tenants.js';
import type { AttemptResult } from '../../runner/runnable-case.js';
import { defaultPolicy } from '../../protocol/default-policy.js';
import { launchExecutor } from '../../targets/launch-executor.js';
import { referenceMain } from '../../targets/kinds/reference-target-kind.js';
import type { Target } from '../../targets/target.js';
import { fuzzCase, type FuzzCaseOptions } from '../fuzz-case.js';
import { fuzzProperty } from '../fuzz-registry.js';
import { stdioTarget } from '../../targets/stdio-target.js';

export interface FuzzAgainstOptions extends Partial<Omit<FuzzCaseOptions, 'replayCommand'>> {
  /** Faults switched on in the reference executor. */
  faults?: readonly string[];
  seed?: string;
}

/**
 * The built reference executor as a target, with faults switched on. No warm Python sandbox:
 * these properties run JavaScript, and a crash found while shrinking restarts the executor often.
 */
export function referenceTarget(faults: readonly string[] = []): Target {
  const root = packageInfo().root;
  return { name: faults.length ? `reference+${faults.join('+')}` : 'reference', spec: stdioTarget({ transport: 'stdio', command: process.execPath, args: [referenceMain(root), '--stdio', '--warm', 'python=0', ...faults.flatMap((f) => ['--fault', f])], cwd: root }) };
}

/**
 * Runs one fuzz property as the runner would, against the built reference executor (faults
 * optional), and returns its attempt. For tests: the executor pool is started and closed here.
 */
export async function fuzzAgainstReference(propertyName: string, options: FuzzAgainstOptions = {}): Promise<AttemptResult & { restarts: number }> {
  const seed = options.seed ?? '0123456789abcdef';
  const tenants = runTenants(seed, undefined);
  const target = referenceTarget(options.faults);
  const pool = new ExecutorPool((env) => launchExecutor(target, { env: { ...tenantsEnv(tenants), ...env }, harnessVersion: 'test', initializeDeadlineMs: 30_000, requestDeadlineMs: 30_000 }));
  const hostDir = await mkdtemp(join(tmpdir(), 'gauntlet-fuzz-test-'));
  try {
    const initialize = await pool.warmUp();
    const services: RunServices = { seed, pool, initialize, tenants, canaryTarget: { startedByGauntlet: true, sameHost: true, settings: {} }, hostDir, basePolicy: { ...defaultPolicy }, graceMs: 5000 };
    const property = fuzzProperty(propertyName);
    const c = fuzzCase(property, { timeLimitMs: 60_000, known: [], replayCommand: (s, p, r) => `gauntlet replay fuzz/${propertyName} --seed ${s} --path ${p}${r ? ` --replay-path ${r}` : ''}`, ...options });
    const controller = new AbortController();
    const result = await c.run({ caseId: c.info.id, attempt: 1, signal: controller.signal, services });
    return { ...result, restarts: pool.stats.restarts };
  } finally {
    await pool.close();
    await rm(hostDir, { recursive: true, force: true });
  }
}

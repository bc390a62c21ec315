import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageInfo } from '../../../config/package-root.js';
import { ExecutorPool } from '../../../runner/executor-pool.js';
import type { RunServices } from '../../../runner/run-services.js';
import { runTenants, tenantsEnv } from '../../../runner/run-tenants.js';
import type { AttemptResult } from '../../../runner/runnable-case.js';
import { defaultPolicy } from '../../../protocol/default-policy.js';
import { launchExecutor } from '../../../targets/launch-executor.js';
import { referenceMain } from '../../../targets/kinds/reference-target-kind.js';
import type { Target } from '../../../targets/target.js';
import type { Language } from '../../../protocol/generated/types.js';
import { fuzzCase, fuzzCaseName, type FuzzCaseOptions } from '../fuzz-case.js';
import { fuzzProperty } from '../fuzz-registry.js';
import { stdioTarget } from '../../../targets/stdio-target.js';

/** The grace `gauntlet run` gives by default: a Python sandbox started cold on a loaded machine takes seconds. */
const GRACE_MS = 20_000;

export interface FuzzAgainstOptions extends Partial<Omit<FuzzCaseOptions, 'replayCommand'>> {
  /** Faults switched on in the reference executor. */
  faults?: readonly string[];
  seed?: string;
  /** The case's language; the property's first when absent. */
  language?: Language;
}

/**
 * The built reference executor as a target, with faults switched on. A warm Python sandbox only
 * for a Python case: a crash found while shrinking restarts the executor often.
 */
export function referenceTarget(faults: readonly string[] = [], python = false): Target {
  const root = packageInfo().root;
  return {
    name: faults.length ? `reference+${faults.join('+')}` : 'reference',
    spec: stdioTarget({
      transport: 'stdio',
      command: process.execPath,
      args: [
        referenceMain(root),
        '--stdio',
        '--warm',
        `python=${python ? 1 : 0}`,
        ...faults.flatMap((f) => ['--fault', f]),
      ],
      cwd: root,
    }),
  };
}

/**
 * Runs one fuzz property as the runner would, against the built reference executor (faults
 * optional), and returns its attempt. For tests: the executor pool is started and closed here.
 */
export async function fuzzAgainstReference(
  propertyName: string,
  options: FuzzAgainstOptions = {},
): Promise<AttemptResult & { restarts: number }> {
  const seed = options.seed ?? '0123456789abcdef';
  const tenants = runTenants(seed, undefined);
  const property = fuzzProperty(propertyName);
  const language = options.language ?? property.languages?.[0];
  const target = referenceTarget(options.faults, language === 'python');
  const pool = new ExecutorPool((env) =>
    launchExecutor(target, {
      env: { ...tenantsEnv(tenants), ...env },
      harnessVersion: 'test',
      initializeDeadlineMs: 30_000,
      requestDeadlineMs: 30_000,
    }),
  );
  const hostDir = await mkdtemp(join(tmpdir(), 'gauntlet-fuzz-test-'));
  try {
    const initialize = await pool.warmUp();
    const services: RunServices = {
      seed,
      pool,
      initialize,
      tenants,
      canaryTarget: { startedByGauntlet: true, sameHost: true, settings: {} },
      hostDir,
      basePolicy: { ...defaultPolicy },
      graceMs: GRACE_MS,
    };
    const name = fuzzCaseName(property, language);
    const c = fuzzCase(property, language, {
      timeLimitMs: 60_000,
      known: [],
      replayCommand: (s, p, r) =>
        `gauntlet replay fuzz/${name} --seed ${s} --path ${p}${r ? ` --replay-path ${r}` : ''}`,
      ...options,
    });
    const controller = new AbortController();
    const result = await c.run({ caseId: c.info.id, attempt: 1, signal: controller.signal, services });
    return { ...result, restarts: pool.stats.restarts };
  } finally {
    await pool.close();
    await rm(hostDir, { recursive: true, force: true });
  }
}

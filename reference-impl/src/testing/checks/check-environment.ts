import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startExecutorUnderTest, type StartOptions } from '../executor-under-test.js';
import type { CheckContext } from './security-check.js';

/** A started executor with its canaries planted; `close` releases the process and the folder. */
export interface CheckEnvironment {
  context: CheckContext;
  close(): Promise<void>;
}

/**
 * Steps: 1. a host folder outside every sandbox, holding the audit log (and the tenants file, when
 * the tokens are passed that way); 2. an env canary with a
 * fresh random name and value; 3. the executor, started with both (and the faults asked for).
 */
export async function startCheckEnvironment(
  options: Omit<StartOptions, 'env' | 'tenantsFile'> & { tenantsFrom?: 'env' | 'file' } = {},
): Promise<CheckEnvironment> {
  // 1.
  const hostDir = mkdtempSync(join(tmpdir(), 'gauntlet-checks-'));
  const auditLog = join(hostDir, 'audit.jsonl');
  // 2.
  const envCanary = {
    name: `GAUNTLET_CANARY_${randomBytes(4).toString('hex').toUpperCase()}`,
    value: `canary-${randomBytes(12).toString('hex')}`,
  };
  // 3.
  try {
    const { tenantsFrom, ...start } = options;
    const executor = await startExecutorUnderTest({
      ...start,
      env: { [envCanary.name]: envCanary.value },
      // A slow refill (5/s) keeps the rate-limit check meaningful on a loaded machine, where
      // answering 300 requests can take seconds; a burst of 60 is ample for every other check.
      args: ['--rate-limit', '60/5', ...(options.args ?? []), '--audit-log', auditLog],
      ...(tenantsFrom === 'file' ? { tenantsFile: join(hostDir, 'tenants.json') } : {}),
    });
    return {
      context: { executor, envCanary, auditLog, hostDir },
      close: async () => {
        await executor.close();
        rmSync(hostDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(hostDir, { recursive: true, force: true });
    throw error;
  }
}

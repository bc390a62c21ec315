import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { HarnessError, HarnessErrorCode } from '../errors/harness-error.js';

/**
 * Creates `dir` if needed and proves a file can be written in it (a probe file, removed at
 * once), so an unwritable report folder is a one-line error before any case runs rather than
 * a lost report after all of them.
 */
export async function assertWritableDir(dir: string, flag: string): Promise<void> {
  const probe = `${dir}/.gauntlet-write-probe-${randomBytes(4).toString('hex')}`;
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(probe, '');
  } catch (error) {
    throw new HarnessError(
      HarnessErrorCode.ConfigInvalid,
      `cannot write reports to ${dir}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      flag,
      { cause: error },
    );
  } finally {
    await rm(probe, { force: true }).catch(() => undefined);
  }
}

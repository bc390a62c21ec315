import { HarnessError, HarnessErrorCode } from '../errors/harness-error.js';
import { installHint, type OptionalPackage } from './optional-packages.js';

/**
 * Imports optional package `name` (or one of its subpaths), or throws PACKAGE_MISSING with the
 * command that installs it. Only a missing `name` is turned into that message: an installed
 * package that fails to load is a different problem and keeps its own error as the cause.
 */
export async function importOptional<T>(name: OptionalPackage, subpath = ''): Promise<T> {
  try {
    return (await import(`${name}${subpath}`)) as T;
  } catch (error) {
    if (isMissing(error, name))
      throw new HarnessError(HarnessErrorCode.PackageMissing, installHint(name), name, { cause: error });
    throw error;
  }
}

/** True when `error` says module `name` itself could not be found (not one of its own imports). */
export function isMissing(error: unknown, name: string): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') return false;
  const message = String((error as Error).message);
  return message.includes(`'${name}'`) || message.includes(`'${name}/`) || message.includes(`package '${name}'`);
}

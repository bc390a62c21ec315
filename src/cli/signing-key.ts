import { resolve } from 'node:path';
import { loadSigningKey, type ReportSigner } from '../report/report-keys.js';

/** The environment variable holding the signing key: a PEM file's path or the PEM text itself. */
export const SIGNING_KEY_ENV = 'GAUNTLET_SIGNING_KEY';

const isPem = (text: string) => text.trimStart().startsWith('-----BEGIN');

/**
 * The report signer of `--sign-key FILE`, else of GAUNTLET_SIGNING_KEY, else none. A key that
 * cannot be read or is not Ed25519 is a CONFIG_INVALID error, raised before any case runs.
 */
export function signerFrom(
  flag: string | undefined,
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
): ReportSigner | undefined {
  const [source, what] = flag !== undefined ? [flag, '--sign-key'] : [env[SIGNING_KEY_ENV], SIGNING_KEY_ENV];
  if (!source) return undefined;
  return loadSigningKey(isPem(source) ? source : resolve(cwd, source), what);
}

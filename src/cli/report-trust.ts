import { resolve } from 'node:path';
import { HarnessError, HarnessErrorCode } from '../errors/harness-error.js';
import type { ReportTrust } from '../report/load-report.js';
import { loadPublicKey } from '../report/report-keys.js';
import type { CliIo } from './cli-io.js';

/** The flags of commands that read reports (report, merge, compare, verify). */
export const trustOptions = {
  'public-key': { type: 'string' },
  'require-signature': { type: 'boolean', default: false },
} as const;

/** Help lines for {@link trustOptions}. */
export const trustUsage = `  --public-key FILE        every report must be signed by this Ed25519 public key (PEM)
  --require-signature      the same, said explicitly (needs --public-key)`;

/**
 * How far a command trusts the reports it reads: a digest mismatch is always refused; a report
 * without a digest (legacy) is accepted with a warning unless a signature is required.
 */
export function reportTrust(
  values: { 'public-key'?: string | undefined; 'require-signature'?: boolean | undefined },
  io: CliIo,
): ReportTrust {
  const key = values['public-key'];
  if (values['require-signature'] && key === undefined)
    throw new HarnessError(
      HarnessErrorCode.ConfigInvalid,
      'needs --public-key FILE: a signature is worth only the key it is checked against',
      '--require-signature',
    );
  return {
    legacy: 'warn',
    warn: (message) => io.err(`gauntlet: warning: ${message}\n`),
    ...(key !== undefined ? { verifier: loadPublicKey(resolve(io.cwd, key)) } : {}),
  };
}

import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isHarnessError } from '../errors/harness-error.js';
import { loadReportChecked } from '../report/load-report.js';
import { loadPublicKey } from '../report/report-keys.js';
import type { CliIo } from './cli-io.js';
import type { Command } from './command.js';
import { ExitCode } from './exit-codes.js';

const usage = `Usage: gauntlet verify REPORT.json [--public-key FILE]

Checks that a report is the one Gauntlet wrote: its integrity digest (SHA-256 over the canonical
JSON of everything but "integrity") matches, and, with --public-key, that it carries a valid
Ed25519 signature by that key. A report without a digest is refused. See docs/reports.md.
Exit codes: 0 intact (and signed by the key), 2 anything else, with a one-line reason.
`;

/** `gauntlet verify REPORT [--public-key FILE]`. */
export const verifyCommand: Command = {
  name: 'verify',
  summary: "check a report.json's integrity digest and signature",
  async run(argv: string[], io: CliIo) {
    try {
      const { values, positionals } = parseArgs({
        args: argv,
        allowPositionals: true,
        options: { 'public-key': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      });
      if (values.help) {
        io.out(usage);
        return ExitCode.Ok;
      }
      if (positionals.length !== 1) {
        io.err(`gauntlet verify: expected one report\n${usage}`);
        return ExitCode.HarnessError;
      }
      const file = resolve(io.cwd, positionals[0]!);
      const key = values['public-key'];
      const { integrity } = await loadReportChecked(file, {
        legacy: 'refuse',
        ...(key !== undefined ? { verifier: loadPublicKey(resolve(io.cwd, key)) } : {}),
      });
      if (integrity.status !== 'intact') {
        io.err(`gauntlet verify: ${file}: ${integrity.reason}\n`);
        return ExitCode.HarnessError;
      }
      const signature = integrity.signatureChecked
        ? `signed by key ${integrity.signedBy}, signature valid`
        : integrity.signedBy
          ? `signed by key ${integrity.signedBy} (signature not checked: no --public-key)`
          : 'not signed';
      io.out(`gauntlet verify: ${file}: intact (digest ${integrity.digest}); ${signature}\n`);
      return ExitCode.Ok;
    } catch (error) {
      if (!isHarnessError(error) && !(error instanceof TypeError && 'code' in error)) throw error;
      io.err(`gauntlet verify: ${(error as Error).message}\n`);
      return ExitCode.HarnessError;
    }
  },
};

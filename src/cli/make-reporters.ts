import { HarnessError, HarnessErrorCode } from '../errors/harness-error.js';
import type { ReportSigner } from '../report/report-keys.js';
import { reporterRegistry } from '../reporters/reporter-registry.js';
import { ReporterSet } from '../reporters/reporter-set.js';
import type { SarifSettings } from '../reporters/sarif-settings.js';
import type { CliIo } from './cli-io.js';

/**
 * The reporters of a run: the ones asked for with --reporter (console when none), plus json,
 * which always writes the canonical report.
 */
export function makeReporters(
  asked: ReadonlyArray<{ name: string; file?: string }>,
  outputDir: string,
  io: CliIo,
  signer?: ReportSigner,
  sarif?: SarifSettings,
): ReporterSet {
  const wanted = asked.length ? [...asked] : [{ name: 'console' }];
  if (!wanted.some((r) => r.name === 'json')) wanted.push({ name: 'json' });
  return new ReporterSet(
    wanted.map(({ name, file }) => {
      const plugin = reporterRegistry.get(name);
      if (!plugin)
        throw new HarnessError(
          HarnessErrorCode.ConfigInvalid,
          `unknown reporter "${name}"; available: ${[...reporterRegistry.keys()].join(', ')}`,
          '--reporter',
        );
      return {
        name,
        reporter: plugin.create({
          outputDir,
          print: io.out,
          interactive: io.interactive,
          ...(signer ? { signer } : {}),
          ...(file ? { outputFile: file } : {}),
          ...(sarif ? { sarif } : {}),
        }),
      };
    }),
  );
}

import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { LoadedConfig } from '../config/load-config.js';
import { baselineOf } from '../gate/compare-baseline.js';
import { evaluateGate } from '../gate/evaluate-gate.js';
import { withGateDefaults } from '../gate/gate-defaults.js';
import { withProfileRules } from '../gate/profile-rules.js';
import type { Baseline, ExpectationsFile } from '../gate/generated/types.js';
import { loadBaseline, loadExpectations } from '../gate/load-gate-file.js';
import type { GateResult, Report } from '../report/generated/types.js';
import type { GateArguments } from './gate-arguments.js';

/** Decides the gate of a finished report. */
export type Gate = (report: Omit<Report, 'gate'>) => GateResult;

/**
 * Reads everything the gate needs before the run (so a bad file fails before any case runs):
 * 1. thresholds: flags over the config's gate section over the defaults;
 * 2. the expectations file (flag, else the config's entry for the target);
 * 3. the baseline (flag, else the config's), unless it is about to be rewritten.
 * A failed conformance profile (report.profiles) fails the gate besides these rules.
 * The gate it returns writes the baseline first when --update-baseline asks for it.
 */
export async function prepareGate(
  args: GateArguments,
  config: LoadedConfig | undefined,
  cwd: string,
  targetName: string,
): Promise<Gate> {
  const section = config?.config.gate;
  const effective = withGateDefaults(section, args.config);
  const fromConfig = (file: string | undefined) => (file && config ? resolve(config.dir, file) : undefined);
  const expectationsFile = args.expectations
    ? resolve(cwd, args.expectations)
    : fromConfig(section?.expectations?.[targetName]);
  const expectations: ExpectationsFile | undefined = expectationsFile
    ? await loadExpectations(expectationsFile, targetName)
    : undefined;
  const baselineFile = args.baseline ? resolve(cwd, args.baseline) : fromConfig(section?.baseline);
  const baseline: Baseline | undefined =
    baselineFile && !args.updateBaseline ? await loadBaseline(baselineFile) : undefined;
  const today = new Date().toISOString().slice(0, 10);
  return (report) => {
    let data = baseline;
    if (args.updateBaseline && baselineFile) {
      data = baselineOf(report, new Date().toISOString());
      if (!existsSync(dirname(baselineFile))) mkdirSync(dirname(baselineFile), { recursive: true });
      writeFileSync(baselineFile, `${JSON.stringify(data, null, 2)}\n`);
    }
    return withProfileRules(
      evaluateGate(report.cases, {
        config: effective,
        today,
        ...(expectations ? { expectations } : {}),
        ...(data && baselineFile ? { baseline: { file: baselineFile, data } } : {}),
      }),
      report.profiles,
    );
  };
}

import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig, type LoadedConfig } from '../config/load-config.js';
import { packageInfo } from '../config/package-root.js';
import { HarnessErrorCode } from '../errors/harness-error.js';
import type { HarnessErrorRecord } from '../report/generated/types.js';
import type { RunnableCase } from '../runner/runnable-case.js';
import { runTenants } from '../runner/run-tenants.js';
import { selectCases } from '../runner/select-cases.js';
import { repeatCases, shardCases } from '../runner/shard-cases.js';
import { shuffleCases } from '../runner/shuffle-cases.js';
import type { SuitePlan } from '../runner/suite-plan.js';
import { defaultPolicy } from '../protocol/default-policy.js';
import { formatLintIssue } from '../scenarios/lint-issue.js';
import { lintScenarios } from '../scenarios/lint-scenarios.js';
import { loadCorpus } from '../scenarios/load-corpus.js';
import { mergePolicy } from '../scenarios/merge-policy.js';
import { resolveTarget } from '../targets/resolve-target.js';
import { planProfiles } from './plan-profiles.js';
import { lanes } from './lanes.js';
import { lastFailedIds } from './last-failed.js';
import { prepareGate } from './prepare-gate.js';
import { loadTenantsFile } from './load-tenants-file.js';
import { caseReplayLine, runCommandLine } from './replay-command.js';
import type { RunArguments } from './run-arguments.js';
import { harnessInfo } from './harness-info.js';

/** A planned run plus what the CLI needs around it. */
export interface PlannedRun {
  plan: SuitePlan;
  /** Every case before selection, for messages about an empty selection. */
  planned: number;
  outputDir: string;
  config: LoadedConfig | undefined;
}

/**
 * Grace added to a step's wall-time budget before the harness gives up on its answer. It covers
 * sandbox start-up outside the budget: a cold Pyodide sandbox takes over 10 s on a loaded two-core
 * machine. Only silence pays it; oracles hold the timing bounds.
 */
const DEFAULT_GRACE_MS = 20_000;
/** The first start of an executor may build caches (the reference executor's Pyodide snapshot). */
const INITIALIZE_DEADLINE_MS = 120_000;

/**
 * Turns `gauntlet run` flags into a SuitePlan, in order: 1. config and tenants, 2. target,
 * 3. corpus (loaded and linted; broken files become harness errors, the rest still run),
 * 4. policy and timing, 5. the lanes' cases (scenarios, fuzz), 6. the profiles' cases,
 * 7. selection, shard, repeat.
 * Throws HarnessError for input it cannot work with (config, target, flags).
 */
export async function planRun(args: RunArguments, cwd: string): Promise<PlannedRun> {
  const pkg = packageInfo();
  // 1. Config and tenants.
  const config = await loadConfig(cwd, args.config);
  const tenants = args.tenants ? loadTenantsFile(cwd, args.tenants) : undefined;
  // 2. Target.
  const target = await resolveTarget(args.target, {
    packageRoot: pkg.root,
    ...(config ? { config } : {}),
    ...(tenants ? { tenants } : {}),
  });
  // 3. Corpus: every file loaded and linted; only clean scenarios run.
  const run = config?.config.run;
  const roots = args.scenarios
    ? args.scenarios.map((dir) => resolve(cwd, dir))
    : [run?.scenarios && config ? resolve(config.dir, run.scenarios) : join(pkg.root, 'scenarios')];
  const corpus = loadCorpus(roots);
  // Lanes that keep files beside the corpus (fuzz regressions) use the first folder.
  const root = roots[0]!;
  const linted = lintScenarios(corpus.scenarios);
  const harnessErrors: HarnessErrorRecord[] = [...corpus.issues, ...linted.issues].map((issue) => ({
    code: HarnessErrorCode.ScenarioInvalid,
    message: formatLintIssue(issue),
    path: issue.file,
  }));
  // 4. Policy and timing.
  const basePolicy = mergePolicy(defaultPolicy, run?.policy, target.spec.policy);
  const graceMs = args.graceMs ?? run?.graceMs ?? DEFAULT_GRACE_MS;
  const workers = args.workers ?? run?.workers ?? Math.max(1, Math.min(4, availableParallelism()));
  const retries = args.retries ?? run?.retries ?? 0;
  const seed = args.seed ?? randomBytes(16).toString('hex');
  // 5. Cases: each lane's, in the lanes' order (the scenarios', one per scenario and language, first).
  const all: RunnableCase[] = [];
  for (const lane of lanes)
    all.push(
      ...(await lane.cases(args.laneFlags, {
        seed,
        basePolicy,
        graceMs,
        packageRoot: pkg.root,
        cwd,
        corpusRoot: root,
        startedByGauntlet: target.spec.startedByGauntlet,
        scenarios: linted.clean,
        runArgs: args.raw,
      })),
    );
  // 6. Profiles: the cases they cover, plus one case per capability they require.
  const profiles = planProfiles(args, config, cwd, pkg.root, all);
  // 7. Selection, then the shard, then repeats (so every repeat of a case lands on the same shard), then the order.
  //    A selection that leaves out a requirement case does not spare the executor: the profile's
  //    verdict checks every requirement against the initialize answer whatever was selected.
  const outputDir = resolve(cwd, args.output ?? run?.outputDir ?? 'reports/latest');
  const ids = args.selection.lastFailed ? lastFailedIds(join(outputDir, 'report.json')) : undefined;
  let cases = await selectCases([...profiles.requirementCases, ...profiles.cases], {
    selection: args.selection,
    ...(ids ? { ids } : {}),
  });
  if (args.shard) cases = shardCases(cases, args.shard.index, args.shard.total);
  cases = repeatCases(cases, args.repeatEach);
  if (args.shuffle !== undefined) cases = shuffleCases(cases, args.shuffle || seed);
  const plan: SuitePlan = {
    runId: `${new Date().toISOString().replace(/[-:.]/g, '').slice(0, 15)}-${randomBytes(4).toString('hex')}`,
    seed,
    command: runCommandLine(args.raw, seed),
    harness: harnessInfo(),
    target,
    corpus: { root: corpus.root, digest: corpus.digest, scenarios: corpus.fileCount },
    cases,
    options: {
      workers,
      retries,
      repeatEach: args.repeatEach,
      graceMs,
      ...(args.shard ? { shard: args.shard } : {}),
      selection: args.selection,
      profiles: profiles.names,
    },
    basePolicy,
    tenants: runTenants(seed, tenants ?? target.spec.tenants),
    initializeDeadlineMs: INITIALIZE_DEADLINE_MS,
    harnessErrors,
    replay: (caseId) => caseReplayLine(args.raw, seed, caseId),
    ...(profiles.judge ? { judgeProfiles: profiles.judge } : {}),
    gate: await prepareGate(args.gate, config, cwd, target.name),
  };
  return { plan, planned: all.length, outputDir, config };
}

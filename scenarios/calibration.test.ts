import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { execPath } from 'node:process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planRun } from '../src/cli/plan-run.js';
import { parseRunArguments } from '../src/cli/run-arguments.js';
import type { CaseResult, Report } from '../src/report/generated/types.js';
import type { Scenario, WeakenedExecutor } from '../src/scenarios/generated/types.js';
import { lintScenarios } from '../src/scenarios/lint-scenarios.js';
import { loadScenarios } from '../src/scenarios/load-scenarios.js';
import { faultRegistry } from '../reference-impl/src/faults/fault-registry.js';

/**
 * Calibration of the scenario corpus, with the real CLI (`gauntlet run`, one process per executor):
 * 1. every case passes against the reference executor (container-escape and shell cases, and cases
 *    whose policy allows subprocesses: its Docker backend, where shell cases that need tools or a
 *    network allow-list are unsupported);
 * 2. every case fails against each weakened executor its scenario names in calibration.failsWith
 *    (the reference with one --fault, on the Docker backend for a scenario that runs there, or
 *    wide-open), unless that executor does not run its language;
 * 3. every case fails against at least one of them: a scenario that cannot fail is a defect.
 * Each weakened executor runs once, over exactly the cases that name it; EXECUTORS_AT_ONCE of them
 * run concurrently. The last test prints the table of every case with the weakness that makes it fail.
 */

const root = dirname(fileURLToPath(import.meta.url));
const repository = dirname(root);
const WIDE_OPEN = join(repository, 'dist/src/testing/fixtures/wide-open-executor.js');
const CLI = join(repository, 'dist/src/cli/main.js');
/** Cases at once per executor: the CI machine has two cores, and the executors under test use them too. */
const WORKERS = '2';
/**
 * Executors calibrated at once (the reference and the weakened ones). Most calibration time is
 * spent waiting: on wall-time budgets and deadlines of executors without limits, on restarts.
 */
const EXECUTORS_AT_ONCE = 2;
/** Generous, and counted from the test's start, including its wait for a slot. */
const TIMEOUT_MS = 45 * 60_000;

const corpus = loadScenarios(root);
const linted = lintScenarios(corpus.scenarios);
const scenarios = new Map<string, Scenario>(linted.clean.map((s) => [s.scenario.id, s.scenario]));

/** Faults that weaken the Docker backend: the reference target starts that backend for them. */
const dockerFaults = new Set<string>(faultRegistry.filter((f) => 'backend' in f).map((f) => f.name));

/**
 * Whether the scenario runs on the reference's Docker backend: it applies only to container
 * isolation, or a policy of it allows subprocesses, which the Deno backend never can (it refuses).
 */
function onDocker(scenario: Scenario): boolean {
  return (
    scenario.requires?.capabilities?.includes('container-isolation') === true ||
    scenario.policy?.allowSubprocesses === true ||
    (scenario.steps ?? []).some((step) => step.policy?.allowSubprocesses === true)
  );
}

/**
 * A weakened executor as the key of its group and the --target that starts it. A fault of both
 * backends calibrates a scenario that runs on Docker with the Docker backend (a group of its own).
 */
function variantOf(weakened: WeakenedExecutor, scenario: Scenario): { key: string; target: string } {
  if (weakened.fault === undefined) return { key: 'wide-open', target: `stdio:${execPath} ${WIDE_OPEN}` };
  if (onDocker(scenario) && !dockerFaults.has(weakened.fault))
    return { key: `fault=${weakened.fault} (docker)`, target: `reference:backend=docker,fault=${weakened.fault}` };
  return { key: `fault=${weakened.fault}`, target: `reference:fault=${weakened.fault}` };
}

/**
 * Runs `ids` (case ids) against `target` with `gauntlet run` in a process of its own (the runner
 * schedules on @vitest/runner, whose collector state is module-global: two runs in one process
 * must not overlap). Cases that errored are run once more (a loaded machine).
 */
async function runCases(
  target: string,
  ids: ReadonlySet<string>,
  signal: AbortSignal,
): Promise<Map<string, CaseResult>> {
  const results = new Map<string, CaseResult>();
  let pending = ids;
  for (let round = 0; round < 2 && pending.size > 0; round++) {
    const output = await mkdtemp(join(tmpdir(), 'gauntlet-calibration-'));
    try {
      const grep = `^(${[...pending].map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`;
      // Each scenario is calibrated on its own, whichever profile it belongs to.
      const args = [
        CLI,
        'run',
        '--target',
        target,
        '--profile',
        'none',
        '--no-fuzz',
        '--workers',
        WORKERS,
        '--output',
        output,
        '--grep',
        grep,
      ];
      // Exit code 1 is a failed gate, expected against weakened executors; the report says what happened.
      const exit = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
        // A test that times out or is cancelled stops its run (SIGTERM: the CLI releases its executors).
        const child = spawn(execPath, args, {
          cwd: repository,
          stdio: ['ignore', 'ignore', 'pipe'],
          signal,
          killSignal: 'SIGTERM',
        });
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
        child.once('error', reject);
        child.once('close', (code) => resolve({ code, stderr }));
      });
      const report = await readFile(join(output, 'report.json'), 'utf8').then(
        (text) => JSON.parse(text) as Report,
        () => undefined,
      );
      if (!report || (exit.code !== 0 && exit.code !== 1))
        throw new Error(`gauntlet run --target ${target} exited with ${exit.code}: ${exit.stderr}`);
      for (const result of report.cases) results.set(result.case.id, result);
      pending = new Set(report.cases.filter((c) => c.outcome.status === 'errored').map((c) => c.case.id));
    } finally {
      await rm(output, { recursive: true, force: true });
    }
  }
  return results;
}

/** Runs `work` once fewer than `EXECUTORS_AT_ONCE` others are running. */
let running = 0;
const waiting: (() => void)[] = [];
async function inSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= EXECUTORS_AT_ONCE) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

const why = (result: CaseResult | undefined): string => {
  if (!result) return 'not run';
  const finding = result.attempts.at(-1)?.findings[0];
  const reason = 'reason' in result.outcome ? String(result.outcome.reason) : result.outcome.status;
  return finding ? `${finding.oracle}: ${finding.message.slice(0, 160)}` : reason.slice(0, 200);
};

// 1. The cases: everything the planner makes of the corpus against the reference.
const reference = await planRun(
  parseRunArguments([
    '--target',
    'reference',
    '--profile',
    'none',
    '--output',
    join(repository, 'reports/calibration'),
  ]),
  repository,
);
/** CALIBRATION_GREP=text narrows the run to cases whose id contains it (to replay one scenario). */
const only = process.env['CALIBRATION_GREP'] ?? '';
const allCases = reference.plan.cases.filter(
  (c) =>
    c.info.kind === 'scenario' &&
    c.info.scenarioId !== undefined &&
    scenarios.has(c.info.scenarioId) &&
    c.info.id.includes(only),
);
const languageOf = (caseId: string) => caseId.split('@')[1]!.split('#')[0]!;

// 2. Groups: each weakened executor with the cases that name it.
const groups = new Map<string, { target: string; ids: Set<string> }>();
for (const c of allCases) {
  const scenario = scenarios.get(c.info.scenarioId!)!;
  for (const weakened of scenario.calibration.failsWith) {
    if (weakened.languages && !weakened.languages.includes(languageOf(c.info.id) as never)) continue;
    const { key, target } = variantOf(weakened, scenario);
    const group = groups.get(key) ?? { target, ids: new Set<string>() };
    group.ids.add(c.info.id);
    groups.set(key, group);
  }
}

const outcomes = new Map<string, Map<string, CaseResult>>();
const status = (key: string, caseId: string): string | undefined => outcomes.get(key)?.get(caseId)?.outcome.status;

describe('scenario calibration', () => {
  it('the corpus lints clean and names only weakened executors that exist', () => {
    expect([...corpus.issues, ...linted.issues].map((i) => `${i.file} ${i.pointer} [${i.rule}] ${i.message}`)).toEqual(
      [],
    );
    const faults = new Set<string>(faultRegistry.map((f) => f.name));
    const unknown = [...scenarios.values()].flatMap((s) =>
      s.calibration.failsWith
        .filter((w) => w.fault !== undefined && !faults.has(w.fault))
        .map((w) => `${s.id}: --fault ${w.fault}`),
    );
    expect(unknown, 'scenarios name faults the reference executor does not have').toEqual([]);
    // Every scenario is calibrated, whichever profile (if any) it belongs to.
    const planned = new Set(allCases.map((c) => c.info.scenarioId));
    if (only === '')
      expect(
        [...scenarios.keys()].filter((id) => !planned.has(id)),
        'scenarios calibration plans no case for',
      ).toEqual([]);
  });

  // The reference and the weakened executors are independent: they run concurrently, EXECUTORS_AT_ONCE at a time.
  it.concurrent('every case passes against the reference executor', { timeout: TIMEOUT_MS }, ({ signal }) =>
    inSlot(async () => {
      // Container-escape cases apply only to container isolation, only containers run shell, and
      // only containers allow subprocesses: all go to the reference's Docker backend.
      const needsContainer = (id: string) => languageOf(id) === 'shell' || onDocker(scenarios.get(id.split('@')[0]!)!);
      const ids = allCases.map((c) => c.info.id);
      const results = await runCases('reference', new Set(ids.filter((id) => !needsContainer(id))), signal);
      const inContainers = new Set(ids.filter(needsContainer));
      if (inContainers.size > 0)
        for (const [id, result] of await runCases('reference:backend=docker', inContainers, signal))
          results.set(id, result);
      outcomes.set('reference', results);
      // The Docker backend offers no tools and no network allow-list, so shell cases that need them
      // are unsupported there, never passed; wide-open still calibrates their failing half.
      const bad = [...results.values()].filter(
        (r) =>
          r.outcome.status !== 'passed' && !(r.outcome.status === 'unsupported' && languageOf(r.case.id) === 'shell'),
      );
      expect(bad.map((r) => `${r.case.id}: ${r.outcome.status}: ${why(r)}\n  replay: ${r.replay}`)).toEqual([]);
      const shellPassed = [...results.values()].filter(
        (r) => languageOf(r.case.id) === 'shell' && r.outcome.status === 'passed',
      ).length;
      if (ids.some((id) => languageOf(id) === 'shell'))
        expect(
          shellPassed,
          'no shell case passed against the Docker backend: the shell corpus has no passing half',
        ).toBeGreaterThan(0);
    }),
  );

  // Largest first, so that no long group starts last and runs alone at the end.
  for (const [key, group] of [...groups].sort(([a, x], [b, y]) => y.ids.size - x.ids.size || a.localeCompare(b))) {
    it.concurrent(
      `every case naming ${key} fails against it (${group.ids.size} cases)`,
      { timeout: TIMEOUT_MS },
      ({ signal }) =>
        inSlot(async () => {
          const results = await runCases(group.target, group.ids, signal);
          outcomes.set(key, results);
          // unsupported: this executor does not run the case's language (shell on the reference).
          const held = [...group.ids].filter(
            (id) => !['failed', 'unsupported'].includes(results.get(id)?.outcome.status ?? 'missing'),
          );
          expect(
            held.map(
              (id) =>
                `${id} did not fail against ${key}: ${results.get(id)?.outcome.status ?? 'missing'}: ` +
                `${why(results.get(id))}`,
            ),
          ).toEqual([]);
        }),
    );
  }

  it('every case fails against at least one weakened executor, and the table says which', () => {
    const rows = allCases.map((c) => {
      const failing = [...groups]
        .filter(([key, group]) => group.ids.has(c.info.id) && status(key, c.info.id) === 'failed')
        .map(([key]) => key);
      const evidence = failing.map((key) => `${key} (${why(outcomes.get(key)?.get(c.info.id))})`);
      return { id: c.info.id, failing, line: `${c.info.id.padEnd(78)} ${evidence.join('; ') || 'CANNOT FAIL'}` };
    });
    console.log(
      `calibration: ${rows.length} cases, ${groups.size} weakened executors\n${rows.map((r) => r.line).join('\n')}`,
    );
    expect(
      rows
        .filter((r) => r.failing.length === 0)
        .map((r) => {
          const scenario = scenarios.get(r.id.split('@')[0]!)!;
          const keys = scenario.calibration.failsWith.map((w) => variantOf(w, scenario).key);
          return `${r.id} fails against none of ${keys.join(', ')}`;
        }),
    ).toEqual([]);
  });
});

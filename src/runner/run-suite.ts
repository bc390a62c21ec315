import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HarnessError } from '../errors/harness-error.js';
import { HarnessErrorCode, isHarnessError } from '../errors/harness-error.js';
import type { InitializeResult } from '../protocol/generated/types.js';
import type { CaseResult, HarnessErrorRecord, Report } from '../report/generated/types.js';
import { ViolationTally } from './violation-tally.js';
import { launchExecutor } from '../targets/launch-executor.js';
import { ExecutorPool } from './executor-pool.js';
import { fitPolicy } from './fit-policy.js';
import type { RunEvents } from './run-events.js';
import { tenantsEnv } from './run-tenants.js';
import type { RunServices } from './run-services.js';
import type { SuitePlan } from './suite-plan.js';
import { summarize } from '../report/summarize.js';
import { scheduleCases } from './vitest-scheduler.js';
import { slotSizes } from './slot-sizes.js';
import { answerDeadline } from './answer-deadline.js';

/**
 * Runs a planned suite against its target and returns the canonical report. Never throws for
 * what the executor does, nor when it cannot be started: that is a harness error in the report,
 * which is always produced.
 */
export async function runSuite(plan: SuitePlan, events: RunEvents): Promise<Report> {
  const startedAt = new Date();
  const harnessErrors: HarnessErrorRecord[] = [...plan.harnessErrors];
  const hostDir = await mkdtemp(join(tmpdir(), 'gauntlet-run-'));
  const { spec } = plan.target;
  // 1. The executor pool; its first connection tells what the executor supports. Every
  //    connection's protocol violations are tallied for the run, whichever case held it.
  const violations = new ViolationTally();
  const pool = new ExecutorPool((env) =>
    launchExecutor(plan.target, {
      env: { ...tenantsEnv(plan.tenants), ...env },
      harnessVersion: plan.harness.version,
      initializeDeadlineMs: plan.initializeDeadlineMs,
      requestDeadlineMs: answerDeadline(plan.basePolicy.wallTimeMs, plan.options.graceMs),
      onViolation: (violation) => violations.add(violation),
    }),
  );
  let initialize: InitializeResult | null;
  let cases: CaseResult[];
  let schedule: Report['schedule'];
  try {
    initialize = await pool.warmUp().catch((error: unknown) => {
      if (!isHarnessError(error)) throw error;
      harnessErrors.push(record(error));
      return null;
    });
    const targetInfo = {
      name: plan.target.name,
      transport: spec.transport,
      description: spec.description,
      initialize,
      starts: 0,
      restarts: 0,
    };
    if (!initialize) {
      cases = plan.cases.map((c) => ({
        case: c.info,
        outcome: { status: 'errored', reason: 'the executor could not be started' },
        durationMs: 0,
        attempts: [],
        replay: plan.replay(c.info.id),
      }));
    } else {
      // 2. Announce the run, then 3. schedule every case.
      events.onRunStart?.({
        runId: plan.runId,
        seed: plan.seed,
        command: plan.command,
        harness: plan.harness,
        target: targetInfo,
        options: plan.options,
        startedAt: startedAt.toISOString(),
        cases: plan.cases.map((c) => c.info),
      });
      const services: RunServices = {
        seed: plan.seed,
        pool,
        initialize,
        tenants: plan.tenants,
        canaryTarget: {
          startedByGauntlet: spec.startedByGauntlet,
          sameHost: spec.sameHost,
          isolation: initialize.executorInfo.isolation,
          settings: spec.canaries ?? {},
        },
        hostDir,
        basePolicy: fitPolicy(plan.basePolicy, initialize.capabilities),
        graceMs: plan.options.graceMs,
        ...(plan.interrupt ? { interrupt: plan.interrupt } : {}),
      };
      const slots = slotSizes(plan.options.workers, initialize);
      cases = await scheduleCases(plan.cases, {
        slots,
        onPeaks: (peaks) =>
          (schedule = {
            cpuSlots: slots.cpu,
            waitSlots: slots.wait,
            peakCpu: peaks.cpu,
            peakWait: peaks.wait,
            peakAll: peaks.all,
          }),
        retries: plan.options.retries,
        services,
        events,
        replay: plan.replay,
        onHarnessError: (caseId, error) =>
          harnessErrors.push({
            code: isHarnessError(error) ? error.code : HarnessErrorCode.Internal,
            message: `${caseId}: ${(error as Error).stack ?? String(error)}`,
          }),
      });
    }
  } finally {
    // 4. Release every executor and the run's host directory.
    await pool.close();
    await rm(hostDir, { recursive: true, force: true });
  }
  if (plan.interrupt?.aborted)
    harnessErrors.push({
      code: HarnessErrorCode.Interrupted,
      message: 'the run was interrupted: cases that had not finished are errored',
    });
  const finishedAt = new Date();
  const summary = summarize(cases);
  const report: Omit<Report, 'gate' | 'profiles'> = {
    schemaVersion: '1.0',
    runId: plan.runId,
    harness: plan.harness,
    command: plan.command,
    seed: plan.seed,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    durationMs: finishedAt.getTime() - startedAt.getTime(),
    corpus: plan.corpus,
    target: {
      name: plan.target.name,
      transport: spec.transport,
      description: spec.description,
      initialize,
      ...pool.stats,
    },
    options: plan.options,
    summary,
    cases,
    harnessErrors,
    ...(violations.total > 0 ? { protocolViolations: violations.summary()! } : {}),
    ...(schedule ? { schedule } : {}),
  };
  // 5. Profiles, then the gate, which fails when a profile failed.
  const profiles = plan.judgeProfiles?.(report);
  const judged = { ...report, ...(profiles ? { profiles } : {}) };
  return { ...judged, gate: plan.gate(judged) };
}

function record(error: HarnessError): HarnessErrorRecord {
  return { code: error.code, message: error.message, ...(error.path ? { path: error.path } : {}) };
}

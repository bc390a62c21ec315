import { describe, startTests, test, type Test, type VitestRunner, type VitestRunnerConfig } from '@vitest/runner';
import type { Attempt, CaseResult } from '../report/generated/types.js';
import { caseOutcome } from '../report/case-outcome.js';
import { CaseSlots, type SlotPeaks, type SlotSizes } from './case-slots.js';
import type { RunEvents } from './run-events.js';
import type { RunServices } from './run-services.js';
import { runAttempt } from './run-attempt.js';
import type { RunnableCase } from './runnable-case.js';

/** How to schedule the cases. */
export interface ScheduleOptions {
  /** Slots per cost class: `cpu` is `--workers`, `wait` the cases that mostly wait beside them. */
  slots: SlotSizes;
  retries: number;
  services: RunServices;
  events: RunEvents;
  replay(caseId: string): string;
  /** Receives what broke in the harness itself while a case ran (a bug, not a verdict). */
  onHarnessError(caseId: string, error: unknown): void;
  /** Receives the most cases that ran at once, per cost class, when every case has ended. */
  onPeaks?(peaks: SlotPeaks): void;
}

/** Thrown to @vitest/runner when an attempt failed or errored, so that its retry logic runs. */
class AttemptNotPassed extends Error {}

/**
 * Runs the cases on @vitest/runner's task model: each case is a test, parallel cases share a
 * concurrent suite, exclusive cases run one by one in a suite after it. Vitest starts every
 * parallel case at once; each then waits for a slot of its cost class (CaseSlots), so that cases
 * that mostly wait run beside the CPU-bound ones instead of holding a core. Vitest retries; the
 * attempts and verdicts stay Gauntlet's own data.
 */
export async function scheduleCases(cases: readonly RunnableCase[], options: ScheduleOptions): Promise<CaseResult[]> {
  const attempts = new Map<string, Attempt[]>();
  const results = new Map<string, CaseResult>();
  const byId = new Map(cases.map((c) => [c.info.id, c]));
  const slots = new CaseSlots(options.slots);
  // No vitest timeout: the wait for a slot is not the case's time, and runAttempt bounds the
  // attempt itself (its deadline, then the cleanup margin after which it is abandoned).
  const register = (c: RunnableCase) =>
    test(c.info.id, { timeout: 0, retry: options.retries }, async () => {
      const list = attempts.get(c.info.id) ?? [];
      attempts.set(c.info.id, list);
      const release = await slots.acquire(c.cost);
      let attempt: Attempt;
      try {
        if (list.length === 0) options.events.onCaseStart?.(c.info);
        attempt = await runAttempt(c, list.length + 1, options.services, options.onHarnessError);
      } finally {
        release();
      }
      list.push(attempt);
      if (attempt.status === 'failed' || attempt.status === 'errored')
        throw new AttemptNotPassed(attempt.reason ?? attempt.status);
    });
  const runner: VitestRunner = {
    config: runnerConfig(options),
    importFile: (_path, source) => {
      if (source !== 'collect') return;
      describe('parallel', { concurrent: true }, () => cases.filter((c) => !c.exclusive).forEach(register));
      describe('serial', { sequential: true }, () => cases.filter((c) => c.exclusive).forEach(register));
    },
    onAfterRunTask: (task: Test) => {
      const c = byId.get(task.name);
      if (!c) return;
      const list = attempts.get(c.info.id) ?? [];
      const result: CaseResult = {
        case: c.info,
        outcome: caseOutcome(list),
        durationMs: Math.round(list.reduce((sum, a) => sum + a.durationMs, 0)),
        attempts: list,
        replay: options.replay(c.info.id),
      };
      results.set(c.info.id, result);
      options.events.onCaseEnd?.(result);
    },
  };
  await startTests(['gauntlet:cases'], runner);
  options.onPeaks?.(slots.peaks);
  // Every case has a result, in the order they were planned, even one vitest never got to.
  return cases.map(
    (c) =>
      results.get(c.info.id) ?? {
        case: c.info,
        outcome: { status: 'errored', reason: 'the scheduler never ran this case' },
        durationMs: 0,
        attempts: [],
        replay: options.replay(c.info.id),
      },
  );
}

function runnerConfig(options: ScheduleOptions): VitestRunnerConfig {
  return {
    root: process.cwd(),
    setupFiles: [],
    name: 'gauntlet',
    passWithNoTests: true,
    testNamePattern: undefined,
    allowOnly: false,
    sequence: { seed: 0, hooks: 'stack', setupFiles: 'list' },
    chaiConfig: undefined,
    // Every parallel case may wait for its slot at once; CaseSlots bounds how many run.
    maxConcurrency: Number.MAX_SAFE_INTEGER,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    retry: options.retries,
    includeTaskLocation: false,
    tags: [],
    tagsFilter: undefined,
    strictTags: false,
  };
}

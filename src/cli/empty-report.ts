import { randomBytes } from 'node:crypto';
import { evaluateGate } from '../gate/evaluate-gate.js';
import { withGateDefaults } from '../gate/gate-defaults.js';
import type { HarnessErrorRecord, Report } from '../report/generated/types.js';
import { summarize } from '../report/summarize.js';
import type { SuitePlan } from '../runner/suite-plan.js';
import { harnessInfo } from './harness-info.js';

/**
 * The report of a run that never ran a case: planning failed (a bad config, target or flag) or
 * the selection was empty. It is still written, so CI always finds a report that says why.
 */
export function emptyReport(errors: HarnessErrorRecord[], raw: readonly string[], plan?: SuitePlan): Report {
  const now = new Date().toISOString();
  const spec = plan?.target.spec;
  const ungated: Omit<Report, 'gate'> = {
    schemaVersion: '1.0',
    runId: plan?.runId ?? `aborted-${randomBytes(6).toString('hex')}`,
    harness: plan?.harness ?? harnessInfo(),
    command: plan?.command ?? ['gauntlet', 'run', ...raw].join(' '),
    seed: plan?.seed ?? randomBytes(16).toString('hex'),
    startedAt: now,
    finishedAt: now,
    durationMs: 0,
    corpus: plan?.corpus ?? { root: '', digest: '0'.repeat(64), scenarios: 0 },
    target: spec
      ? {
          name: plan.target.name,
          transport: spec.transport,
          description: spec.description,
          initialize: null,
          starts: 0,
          restarts: 0,
        }
      : {
          name: 'unresolved',
          transport: 'none',
          description: 'the run stopped before its target was resolved',
          initialize: null,
          starts: 0,
          restarts: 0,
        },
    options: plan?.options ?? { workers: 1, retries: 0, repeatEach: 1, graceMs: 0, selection: {} },
    summary: summarize([]),
    cases: [],
    harnessErrors: [...(plan?.harnessErrors ?? []), ...errors],
  };
  // The one gate, with its defaults: no case was judged, so it fails (min-executed).
  return { ...ungated, gate: evaluateGate([], { config: withGateDefaults(), today: now.slice(0, 10) }) };
}

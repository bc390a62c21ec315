import type { CaseTenants } from '../../canaries/canary.js';
import type { Observation } from '../../oracles/observation.js';
import type { AuditEntry } from '../../protocol/generated/types.js';
import type { ExecutorClock } from './executor-clock.js';
import type { ExecutorLease } from '../../runner/executor-lease.js';

const PAGE = 100;
/** Pages read per execution at most, so an executor that always says hasMore cannot keep the harness. */
const MAX_PAGES = 20;

/**
 * Reads the audit entries of the case's executions (by the execution ids the harness chose), as
 * the tenant of each step. They are evidence for audit oracles and a channel the leak detector
 * searches. Only for executors that declare an audit log, and only while the executor is up.
 */
export async function collectAudit(
  observation: Observation,
  lease: ExecutorLease,
  tenants: CaseTenants,
  clock: ExecutorClock,
): Promise<Observation['audit']> {
  if (!observation.capabilities.audit.supported || lease.connection.closed || lease.tainted) return undefined;
  const entries: AuditEntry[] = [];
  const answered = observation.steps.filter(
    (s) => s.executionId && (s.answer.kind === 'result' || s.answer.kind === 'rpc-error'),
  );
  try {
    for (const step of answered) {
      // Page through: an execution with many tool calls has more entries than one page holds.
      for (let page = 0, afterSeq = 0; page < MAX_PAGES; page++) {
        const answer = await clock.time(() =>
          lease.connection.request(
            'audit/query',
            {
              principal: tenants[step.tenant],
              executionId: step.executionId!,
              limit: PAGE,
              ...(afterSeq ? { afterSeq } : {}),
            },
            5000,
          ),
        );
        entries.push(...answer.entries);
        afterSeq = answer.entries.at(-1)?.chainSeq ?? afterSeq;
        if (!answer.hasMore || answer.entries.length === 0) break;
      }
    }
    return { entries };
  } catch (error) {
    return { entries, error: (error as Error).message };
  }
}

import type { Attempt, CaseOutcome } from './generated/types.js';

/**
 * The case's status from all its attempts. The last attempt decides, except that a pass after
 * failed or errored attempts is flaky (never a silent pass), and a finding in any attempt of a
 * case that never passed keeps it failed: evidence of a weakness does not expire on retry.
 */
export function caseOutcome(attempts: readonly Attempt[]): CaseOutcome {
  const last = attempts.at(-1);
  if (!last) return { status: 'errored', reason: 'the case never ran' };
  const earlier = attempts.slice(0, -1);
  switch (last.status) {
    case 'passed': {
      if (earlier.length === 0) return { status: 'passed' };
      const findings = earlier.flatMap((a) => a.findings);
      return {
        status: 'flaky',
        reason: `passed on attempt ${last.attempt} after ${earlier.map((a) => a.status).join(', ')}`,
        ...(findings.length ? { findings } : {}),
      };
    }
    case 'unsupported':
      return { status: 'unsupported', reason: last.reason ?? 'unsupported' };
    case 'failed':
    case 'errored': {
      const [first, ...rest] =
        [...attempts].reverse().find((a) => a.status === 'failed' && a.findings.length > 0)?.findings ?? [];
      if (first) return { status: 'failed', findings: [first, ...rest] };
      return { status: 'errored', reason: last.reason ?? 'errored' };
    }
  }
}

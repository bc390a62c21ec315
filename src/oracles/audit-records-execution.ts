import { createHash } from 'node:crypto';
import type { AuditEntry } from '../protocol/generated/types.js';
import type { Finding } from '../report/generated/types.js';
import { makeFinding } from './make-finding.js';
import type { Observation, StepObservation } from './observation.js';
import type { OracleFor } from './oracle.js';

/**
 * Every execution the harness sent, accepted or refused, has an audit entry: its execution id,
 * tenant and user, the SHA-256 of the code the harness sent, the language, and the outcome the
 * harness itself observed.
 */
export const auditRecordsExecution: OracleFor<'audit-records-execution'> = {
  name: 'audit-records-execution',
  description: 'every execution is audited with its code hash, principal and outcome',
  requires: ['audit'],
  judge(observation, expectation) {
    // Not collected (the executor hung or died first): nothing to judge; the case errors on its steps.
    if (!observation.audit) return [];
    const wanted: readonly string[] | undefined = expectation.steps;
    return observation.steps
      .filter(
        (s) =>
          s.action === 'execute' &&
          s.executionId &&
          (s.answer.kind === 'result' || s.answer.kind === 'rpc-error') &&
          (!wanted || wanted.includes(s.id)),
      )
      .flatMap((step) => judgeStep(step, observation));
  },
};

function judgeStep(step: StepObservation, observation: Observation): Finding[] {
  const at = step.startedAt + step.elapsedMs;
  const entry = observation.audit?.entries.find(
    (e) => e.executionId === step.executionId && (e.event === 'execution' || e.event === 'execution.rejected'),
  );
  if (!entry) {
    const why = observation.audit?.error ? ` (audit/query failed: ${observation.audit.error})` : '';
    return [
      makeFinding(
        'audit-records-execution',
        `no audit entry for execution ${step.executionId} of step ${step.id}${why}`,
        at,
        { channel: 'audit', step: step.id },
      ),
    ];
  }
  return expectations(step)
    .filter(([member, expected]) => expected !== undefined && entry[member] !== expected)
    .map(([member, expected]) =>
      makeFinding(
        'audit-records-execution',
        `the audit entry of step ${step.id} records ${member} ${JSON.stringify(entry[member])}, ` +
          `but the harness saw ${JSON.stringify(expected)}`,
        Date.parse(entry.time) || at,
        {
          channel: 'audit',
          step: step.id,
          expected: String(expected),
          observed: String(entry[member]),
          excerpt: JSON.stringify(entry),
        },
      ),
    );
}

/** The members an entry must carry for the step, with the values the harness itself knows. */
function expectations(step: StepObservation): Array<[keyof AuditEntry, string | number | undefined]> {
  const { answer } = step;
  const rejected = answer.kind === 'rpc-error';
  return [
    ['event', rejected ? 'execution.rejected' : 'execution'],
    [
      'codeSha256',
      rejected
        ? undefined
        : createHash('sha256')
            .update(step.code ?? '')
            .digest('hex'),
    ],
    ['language', rejected ? undefined : step.language],
    ['status', answer.kind === 'result' ? answer.result.status : 'rejected'],
    ['errorType', answer.kind === 'result' && answer.result.status === 'error' ? answer.result.error.type : undefined],
    // A refusal's entry names the code the harness was answered with (§11.1).
    ['errorCode', rejected ? answer.code : undefined],
    ['tenantId', step.principal.tenantId],
    ['userId', step.principal.userId],
  ];
}

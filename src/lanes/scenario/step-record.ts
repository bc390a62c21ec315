import type { StepObservation } from '../../oracles/observation.js';
import type { StepRecord } from '../../report/generated/types.js';

/**
 * How much of a step's code report.json keeps: enough to read the attack, bounded so a large payload does not bloat the
 * report.
 */
export const CODE_LIMIT = 4000;

/** The code as sent, cut at CODE_LIMIT with a note saying how much was left out. */
function keptCode(code: string): string {
  return code.length > CODE_LIMIT
    ? `${code.slice(0, CODE_LIMIT)}\n… [${code.length - CODE_LIMIT} more characters cut]`
    : code;
}

/** The evidence-trail summary of a step for the report, with the code it sent. */
export function stepRecord(step: StepObservation): StepRecord {
  const { answer } = step;
  const base: StepRecord = {
    id: step.id,
    ...(step.round !== undefined ? { round: step.round } : {}),
    action: step.action,
    tenant: step.tenant,
    language: step.language,
    elapsedMs: Math.round(step.elapsedMs),
    answer: answer.kind === 'session' || answer.kind === 'audit' || answer.kind === 'cancel' ? 'result' : answer.kind,
    markerSeen: step.proofSeen,
    ...(step.executionId ? { executionId: step.executionId } : {}),
    ...(step.code !== undefined ? { code: keptCode(step.code) } : {}),
  };
  switch (answer.kind) {
    case 'result':
      return {
        ...base,
        status: answer.result.status,
        ...(answer.result.status === 'error'
          ? { errorType: answer.result.error.type, detail: answer.result.error.message.slice(0, 500) }
          : {}),
      };
    case 'rpc-error':
      return { ...base, rpcCode: answer.code, detail: answer.message.slice(0, 500) };
    case 'closed':
      return { ...base, detail: answer.reason.slice(0, 500) };
    case 'invalid':
      return { ...base, detail: answer.detail.slice(0, 500) };
    case 'skipped':
      return { ...base, detail: answer.reason.slice(0, 500) };
    case 'no-answer':
      return { ...base, detail: `no answer within ${answer.deadlineMs} ms` };
    case 'session':
      return base;
    case 'audit':
      return { ...base, detail: `${answer.entries.length} audit entries` };
    case 'cancel':
      return { ...base, detail: `cancelled: ${answer.cancelled} (execution ${step.cancels ?? ''})`.slice(0, 500) };
  }
}

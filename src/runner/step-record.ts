import type { StepObservation } from '../oracles/observation.js';
import type { StepRecord } from '../report/generated/types.js';

/** The evidence-trail summary of a step for the report. */
export function stepRecord(step: StepObservation): StepRecord {
  const { answer } = step;
  const base: StepRecord = {
    id: step.id,
    action: step.action,
    tenant: step.tenant,
    language: step.language,
    elapsedMs: Math.round(step.elapsedMs),
    answer: answer.kind === 'session' || answer.kind === 'audit' ? 'result' : answer.kind,
    markerSeen: step.proofSeen,
    ...(step.executionId ? { executionId: step.executionId } : {}),
  };
  switch (answer.kind) {
    case 'result':
      return { ...base, status: answer.result.status, ...(answer.result.status === 'error' ? { errorType: answer.result.error.type, detail: answer.result.error.message.slice(0, 500) } : {}) };
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
  }
}

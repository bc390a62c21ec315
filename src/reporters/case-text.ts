import type { CaseInfo, CaseResult, Finding } from '../report/generated/types.js';
import { violationsLines } from './protocol-violations-text.js';
import { safeText, TEXT_LIMIT } from './safe-text.js';

/** One finding as plain text: oracle, message, where and the evidence excerpt (all bounded). */
export function findingText(finding: Finding): string {
  const where = [
    finding.channel && `channel ${finding.channel}`,
    finding.step && `step ${finding.step}`,
    finding.canary && `canary ${finding.canary}`,
  ]
    .filter(Boolean)
    .join(', ');
  const lines = [`[${finding.oracle}] ${safeText(finding.message, TEXT_LIMIT)}${where ? ` (${where})` : ''}`];
  if (finding.expected !== undefined) lines.push(`  expected: ${safeText(finding.expected, TEXT_LIMIT)}`);
  if (finding.observed !== undefined) lines.push(`  observed: ${safeText(finding.observed, TEXT_LIMIT)}`);
  if (finding.excerpt !== undefined) lines.push(`  evidence: ${safeText(finding.excerpt, TEXT_LIMIT)}`);
  return lines.join('\n');
}

/** The one-line reason of a case that did not pass (bounded), or undefined for a pass. */
export function outcomeReason(result: CaseResult): string | undefined {
  const outcome = result.outcome;
  switch (outcome.status) {
    case 'passed':
      return undefined;
    case 'failed':
      return safeText(outcome.findings.map((f) => `${f.oracle}: ${f.message}`).join('; '), TEXT_LIMIT);
    case 'errored':
    case 'unsupported':
    case 'flaky':
      return safeText(outcome.reason, TEXT_LIMIT);
    default:
      return assertNever(outcome);
  }
}

/** The scenario's description, remediation and references as plain text (bounded), for logs and attachments. */
export function aboutText(info: CaseInfo): string {
  return [
    info.description && `description:\n${safeText(info.description, TEXT_LIMIT).replace(/^/gm, '  ')}`,
    info.remediation && `remediation:\n${safeText(info.remediation, TEXT_LIMIT).replace(/^/gm, '  ')}`,
    info.references?.length && `references:\n${info.references.map((r) => `  ${safeText(r, 1000)}`).join('\n')}`,
  ]
    .filter(Boolean)
    .join('\n');
}

/** Every attempt of a case, with findings, steps and the code they sent, as plain text for logs and attachments. */
export function attemptsText(result: CaseResult): string {
  const lines: string[] = [`replay: ${safeText(result.replay, TEXT_LIMIT)}`];
  for (const a of result.attempts) {
    const timing = `${Math.round(a.durationMs)} ms (executor ${Math.round(a.executorMs)} ms)`;
    const reason = a.reason ? ` — ${safeText(a.reason, TEXT_LIMIT)}` : '';
    lines.push(
      `attempt ${a.attempt}: ${a.status} in ${timing}${reason}${a.seed ? ` seed ${safeText(a.seed, 200)}` : ''}`,
    );
    for (const f of a.findings) lines.push(findingText(f).replace(/^/gm, '  '));
    for (const s of a.steps.slice(0, 50)) {
      const answer = `${s.answer}${s.status ? ` ${s.status}` : ''}${s.errorType ? ` (${s.errorType})` : ''}`;
      const proof = s.markerSeen === undefined ? '' : s.markerSeen ? ', proof seen' : ', proof NOT seen';
      const detail = s.detail ? `: ${safeText(s.detail, TEXT_LIMIT)}` : '';
      const elapsed = `after ${Math.round(s.elapsedMs)} ms`;
      lines.push(`  step ${safeText(s.id, 200)} ${s.action} as ${s.tenant}: ${answer} ${elapsed}${proof}${detail}`);
    }
    for (const s of a.steps.slice(0, 50))
      if (s.code !== undefined)
        lines.push(
          `  code sent by step ${safeText(s.id, 200)}:`,
          safeText(s.code, TEXT_LIMIT + 100).replace(/^/gm, '    '),
        );
    if (a.steps.length > 50) lines.push(`  … ${a.steps.length - 50} more steps`);
    if (a.protocolViolations) lines.push(...violationsLines(a.protocolViolations).map((line) => `  ${line}`));
  }
  return lines.join('\n');
}

export function assertNever(value: never): never {
  throw new Error(`unexpected value ${JSON.stringify(value)}`);
}

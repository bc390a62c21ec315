import { createHash } from 'node:crypto';
import { caseKey } from '../../report/case-key.js';
import { findingsOf, type Verdict } from '../../report/case-verdict.js';
import type { CaseInfo, CaseOutcome, CaseResult, Report } from '../../report/generated/types.js';
import type { Severity } from '../../scenarios/generated/types.js';
import { attackUrl, cweUrl, linkableUrl } from '../classification-urls.js';
import { attemptsText, findingText, outcomeReason } from '../case-text.js';
import { safeText, TEXT_LIMIT } from '../safe-text.js';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Allure links: CWE and ATT&CK ids to their public pages, then the scenario's http(s) references
 * (nothing else becomes a link).
 */
function caseLinks(info: CaseInfo): Array<{ name: string; url: string; type: string }> {
  const ids = [
    ...(info.classification?.cwe ?? []).map((id) => ({ name: id, url: cweUrl(id) })),
    ...(info.classification?.attack ?? []).map((id) => ({ name: id, url: attackUrl(id) })),
  ];
  const refs = (info.references ?? []).map((r) => ({ name: safeText(r, 300), url: linkableUrl(r) }));
  return [...ids, ...refs].flatMap(({ name, url }) => (url ? [{ name, url, type: 'link' }] : []));
}

/** A deterministic UUID (v4 layout) from text, so re-rendering a report gives the same files. */
export function uuidOf(text: string): string {
  const h = sha(text);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const severityLabel: Record<Severity, string> = {
  critical: 'blocker',
  high: 'critical',
  medium: 'normal',
  low: 'minor',
  info: 'trivial',
};

/** Allure keeps "the product is wrong" (failed) apart from "the test could not tell" (broken). */
function allureStatus(outcome: CaseOutcome): 'passed' | 'failed' | 'broken' | 'skipped' {
  switch (outcome.status) {
    case 'passed':
    case 'flaky':
      return 'passed';
    case 'failed':
      return 'failed';
    case 'errored':
      return 'broken';
    case 'unsupported':
      return 'skipped';
  }
}

/** A file the result refers to, written beside it. */
export interface Attachment {
  source: string;
  type: string;
  content: string;
}

/** One case as an Allure result, with its attachments. */
export function allureResult(
  report: Report,
  c: CaseResult,
  verdict: Verdict,
  known: string | undefined,
): { result: object; attachments: Attachment[] } {
  const info = c.case;
  const outcome = c.outcome;
  const uuid = uuidOf(`${report.runId}\u0000${info.id}`);
  const start = Date.parse(c.attempts[0]?.startedAt ?? report.startedAt);
  const attachments: Attachment[] = [
    { source: `${uuid}-attachment.txt`, type: 'text/plain', content: attemptsText(c) },
  ];
  const findings = findingsOf(outcome);
  if (findings.length)
    attachments.push({
      source: `${uuid}-evidence-attachment.json`,
      type: 'application/json',
      content: JSON.stringify(
        findings.map((f) => ({
          ...f,
          message: safeText(f.message, TEXT_LIMIT),
          excerpt: f.excerpt && safeText(f.excerpt, TEXT_LIMIT),
        })),
        null,
        2,
      ),
    });
  const fuzzSeeds = c.attempts.filter((a) => a.seed).map((a) => safeText(a.seed!, 300));
  const surface = info.scenarioId?.split('.')[1] ?? info.lane;
  const labels = [
    ['epic', info.stride ?? (info.kind === 'scenario' ? 'unclassified' : info.kind)],
    ['feature', surface],
    ['story', info.title],
    ['severity', info.severity ? severityLabel[info.severity] : 'normal'],
    ['parentSuite', report.target.name],
    ['suite', info.stride ?? info.kind],
    ['subSuite', info.scenarioId ?? info.id],
    ['language', info.language ?? 'none'],
    ['framework', 'gauntlet'],
    ...info.tags.map((tag) => ['tag', tag]),
    ...(info.classification?.cwe ?? []).map((cwe) => ['tag', cwe]),
    ...(info.classification?.attack ?? []).map((id) => ['tag', id]),
  ].map(([name, value]) => ({ name, value: safeText(value!, 300) }));
  const message = outcomeReason(c);
  return {
    attachments,
    result: {
      uuid,
      historyId: sha(`${report.target.name}\u0000${caseKey(info.id)}`),
      testCaseId: sha(caseKey(info.id)),
      fullName: info.id,
      name: `${safeText(info.title, 300)}${info.language ? ` (${info.language})` : ''}`,
      description: [
        info.description && safeText(info.description, TEXT_LIMIT),
        info.remediation && `Remediation: ${safeText(info.remediation, TEXT_LIMIT)}`,
        `Replay: ${safeText(c.replay, TEXT_LIMIT)}`,
      ]
        .filter(Boolean)
        .join('\n\n'),
      status: allureStatus(outcome),
      statusDetails: {
        ...(message ? { message: `${outcome.status}: ${message}` } : {}),
        ...(findings.length ? { trace: findings.map(findingText).join('\n') } : {}),
        ...(outcome.status === 'flaky' ? { flaky: true } : {}),
        ...(verdict === 'suppressed'
          ? {
              known: true,
              muted: true,
              message: `suppressed (${outcome.status}): ${known ?? 'expected by the expectations file'}`,
            }
          : {}),
      },
      stage: 'finished',
      start,
      stop: start + Math.round(c.durationMs),
      labels,
      links: caseLinks(info),
      parameters: [
        { name: 'target', value: report.target.name },
        { name: 'language', value: info.language ?? 'none' },
        { name: 'run seed', value: report.seed, excluded: true },
        ...(info.repeat ? [{ name: 'repeat', value: String(info.repeat) }] : []),
        ...fuzzSeeds.map((seed, i) => ({ name: `fuzz seed (attempt ${i + 1})`, value: seed, excluded: true })),
      ],
      steps: c.attempts.map((a) => ({
        name: `attempt ${a.attempt}: ${a.status}`,
        status: a.status === 'errored' ? 'broken' : a.status === 'unsupported' ? 'skipped' : a.status,
        stage: 'finished',
        start: Date.parse(a.startedAt),
        stop: Date.parse(a.startedAt) + Math.round(a.durationMs),
        statusDetails: a.reason ? { message: safeText(a.reason, TEXT_LIMIT) } : {},
        steps: a.steps.slice(0, 50).map((s) => ({
          name:
            `${safeText(s.id, 200)}: ${s.action} as ${safeText(s.tenant, 100)} -> ` +
            `${s.answer}${s.status ? ` ${s.status}` : ''}`,
          status: s.answer === 'result' || s.answer === 'rpc-error' ? 'passed' : 'broken',
          stage: 'finished',
          start: Date.parse(a.startedAt),
          stop: Date.parse(a.startedAt) + Math.round(s.elapsedMs),
          steps: [],
          attachments: [],
          parameters: [],
        })),
        attachments: [],
        parameters: [],
      })),
      attachments: attachments.map((a) => ({
        name: a.type === 'text/plain' ? 'attempts and replay' : 'evidence (findings)',
        source: a.source,
        type: a.type,
      })),
    },
  };
}

import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import { pathToFileURL } from 'node:url';
import { suppressedIds, verdictOf } from '../report/case-verdict.js';
import type { CaseInfo, CaseOutcome1, CaseResult, Report } from '../report/generated/types.js';
import { caseKey } from '../gate/case-key.js';
import { findingText, outcomeReason } from './case-text.js';
import { caseViolations, violationsLines, violationsSummary } from './protocol-violations-text.js';
import type { ReporterPlugin } from './reporter.js';
import { safeText, TEXT_LIMIT } from './safe-text.js';
import { sarifLevel, securitySeverity } from './sarif-levels.js';
import { reportPath, writeReportFile } from './write-report-file.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The rule of a case: one per scenario (fuzz properties: one per property). */
function ruleId(info: CaseInfo): string {
  return info.scenarioId ?? caseKey(info.id);
}

function rule(info: CaseInfo): object {
  const tags = [...new Set(['security', ...(info.stride ? [info.stride] : []), ...(info.classification?.attack ?? []), ...(info.classification?.cwe.map((c) => `external/cwe/${c.toLowerCase()}`) ?? []), ...info.tags])].slice(0, 20);
  const remediation = info.remediation ? safeText(info.remediation, TEXT_LIMIT) : 'See the scenario file for the expected behaviour.';
  return {
    id: ruleId(info),
    name: ruleId(info),
    shortDescription: { text: safeText(info.title, 1000) },
    fullDescription: { text: `${safeText(info.title, 1000)} (${info.stride ?? info.kind}, ${info.severity ?? 'unrated'})` },
    help: { text: remediation, markdown: `**${safeText(info.title, 1000)}**\n\n${remediation}` },
    defaultConfiguration: { level: sarifLevel(info.severity) },
    properties: { tags, precision: 'high', 'problem.severity': sarifLevel(info.severity) === 'note' ? 'recommendation' : sarifLevel(info.severity), 'security-severity': securitySeverity(info.severity, info.securitySeverity) },
  };
}

function location(report: Report, info: CaseInfo): object {
  const path = info.file ? posix.join(report.corpus.root.split('\\').join('/'), info.file) : report.corpus.root;
  const uri = path.startsWith('/') ? pathToFileURL(path).href : path;
  return { physicalLocation: { artifactLocation: { uri }, region: { startLine: 1 } }, logicalLocations: [{ name: info.id, kind: 'test' }] };
}

function baselineState(report: Report, info: CaseInfo): object {
  const baseline = report.gate.baseline;
  if (!baseline) return {};
  const change = baseline.changes.find((c) => c.caseId === caseKey(info.id));
  if (!change) return { baselineState: 'unchanged' };
  return { baselineState: change.kind === 'regression' || change.kind === 'new' ? 'new' : 'updated' };
}

function result(report: Report, c: CaseResult, suppressed: boolean, justification: string | undefined): object {
  const outcome = c.outcome as CaseOutcome1;
  const findings = outcome.status === 'failed' || outcome.status === 'flaky' ? (outcome.findings ?? []) : [];
  const key = caseKey(c.case.id);
  return {
    ruleId: ruleId(c.case),
    level: outcome.status === 'flaky' ? 'warning' : sarifLevel(c.case.severity),
    kind: 'fail',
    message: { text: `${safeText(c.case.title, 500)}: ${outcome.status === 'flaky' ? 'vulnerable on some attempts (flaky)' : 'the executor is vulnerable'}. ${outcomeReason(c) ?? ''}\n${findings.map(findingText).join('\n')}`.trim() },
    locations: [location(report, c.case)],
    // Stable across runs: target and case only (no run id, seed, time or evidence text).
    partialFingerprints: { 'gauntletCase/v1': sha256(`${report.target.name}\u0000${key}`), primaryLocationLineHash: `${sha256(`${report.target.name}\u0000${key}`).slice(0, 16)}:1` },
    ...(suppressed ? { suppressions: [{ kind: 'external', status: 'accepted', justification: justification ?? 'expected by the expectations file' }] } : {}),
    ...baselineState(report, c.case),
    properties: { caseId: c.case.id, status: outcome.status, stride: c.case.stride, severity: c.case.severity, language: c.case.language, replay: safeText(c.replay, TEXT_LIMIT), ...violationsProperty(c) },
  };
}

function violationsProperty(c: CaseResult): { protocolViolations?: string } {
  const violations = caseViolations(c);
  return violations ? { protocolViolations: violationsSummary(violations) } : {};
}

/** A warning per case whose executor broke the protocol, and one for the whole run. */
function violationNotifications(report: Report, ruleIndex: Map<string, number>): object[] {
  const perCase = report.cases.flatMap((c) => {
    const violations = caseViolations(c);
    if (!violations) return [];
    return [{ level: 'warning', message: { text: `${c.case.id}: the executor broke the protocol: ${violationsLines(violations).join('\n')}` }, associatedRule: { id: ruleId(c.case), index: ruleIndex.get(ruleId(c.case)) } }];
  });
  const run = report.protocolViolations ? [{ level: 'warning', message: { text: `during the run (every connection, inside cases or not): ${violationsLines(report.protocolViolations).join('\n')}` } }] : [];
  return [...perCase, ...run];
}

/** The run as a SARIF 2.1.0 log: one run for the target, one rule per scenario, one result per vulnerable case. */
export function renderSarif(report: Report): object {
  const suppressed = suppressedIds(report.gate);
  const justification = new Map<string, string>();
  for (const a of report.gate.expectations ?? []) if (a.effect === 'suppressed') for (const id of a.cases) justification.set(id, `${a.expectation.justification} (owner ${a.expectation.owner}, until ${a.expectation.expires})`);
  const rules = new Map<string, object>();
  for (const c of report.cases) if (!rules.has(ruleId(c.case))) rules.set(ruleId(c.case), rule(c.case));
  const vulnerable = report.cases.filter((c) => ['failed', 'flaky', 'suppressed'].includes(verdictOf(c, suppressed)) && !(c.outcome.status === 'flaky' && !((c.outcome as { findings?: unknown[] }).findings?.length)));
  const errored = report.cases.filter((c) => c.outcome.status === 'errored' && !suppressed.has(c.case.id));
  const ruleIndex = new Map([...rules.keys()].map((id, i) => [id, i]));
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: report.harness.name, semanticVersion: report.harness.version, informationUri: 'https://github.com/gauntlet-dev/gauntlet', rules: [...rules.values()] } },
        automationDetails: { id: `gauntlet/${report.target.name}/${report.runId}`, description: { text: `Gauntlet conformance run against ${report.target.name}` } },
        invocations: [
          {
            executionSuccessful: report.harnessErrors.length === 0,
            commandLine: safeText(report.command, TEXT_LIMIT),
            startTimeUtc: report.startedAt,
            endTimeUtc: report.finishedAt,
            toolExecutionNotifications: [
              ...errored.map((c) => ({ level: 'error', message: { text: `${c.case.id} could not be judged (never a pass): ${outcomeReason(c)}` }, associatedRule: { id: ruleId(c.case), index: ruleIndex.get(ruleId(c.case)) } })),
              ...report.harnessErrors.map((e) => ({ level: 'error', message: { text: `${e.code}: ${safeText(e.message, TEXT_LIMIT)}${e.path ? ` (${safeText(e.path, 500)})` : ''}` } })),
              ...violationNotifications(report, ruleIndex),
            ],
          },
        ],
        results: vulnerable.map((c) => ({ ...result(report, c, suppressed.has(c.case.id), justification.get(c.case.id)), ruleIndex: ruleIndex.get(ruleId(c.case)) })),
        properties: { target: report.target.name, seed: report.seed, corpusDigest: report.corpus.digest, gate: { passed: report.gate.passed, reasons: report.gate.reasons.map((r) => safeText(r, TEXT_LIMIT)) } },
      },
    ],
  };
}

/**
 * SARIF 2.1.0 for GitHub code scanning: one rule per scenario with security-severity, stable
 * fingerprints, suppressions from the expectations file, baselineState against the baseline,
 * and errored cases as tool notifications (they are not findings, and not passes).
 */
export const sarifReporter: ReporterPlugin = {
  name: 'sarif',
  description: 'SARIF 2.1.0 (results.sarif) for code scanning: one rule per scenario, security-severity, stable fingerprints',
  create: (options) => ({
    async onRunEnd(report) {
      await writeReportFile(reportPath(options, 'results.sarif'), `${JSON.stringify(renderSarif(report), null, 2)}\n`);
    },
  }),
};

import { createHash } from 'node:crypto';
import { findingsOf, suppressedIds, verdictOf } from '../report/case-verdict.js';
import type { CaseInfo, CaseResult, Report } from '../report/generated/types.js';
import { caseKey } from '../report/case-key.js';
import { linkableUrl } from './classification-urls.js';
import { escapeMarkdown, escapeMarkdownParagraphs } from './escape-markdown.js';
import { findingText, outcomeReason } from './case-text.js';
import { caseViolations, violationsLines, violationsSummary } from './protocol-violations-text.js';
import type { ReporterPlugin } from './reporter.js';
import { safeText, TEXT_LIMIT } from './safe-text.js';
import { sarifLevel, securitySeverity } from './sarif-levels.js';
import type { SarifSettings } from './sarif-settings.js';
import { stableTargetName } from './stable-target-name.js';
import { projectionReporter } from './projection-reporter.js';
import { writeReportFile } from './write-report-file.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** GitHub stores 20 tags per rule and shows 10; the first ten are the ones that matter. */
const MAX_TAGS = 10;
/** Titles in rule descriptions: with the cut note and the rating they stay under GitHub's 1024. */
const TITLE_LIMIT = 900;
/** Where results point when the CLI says nothing: the config file a project would add. */
const DEFAULT_SETTINGS: SarifSettings = { location: { uri: 'gauntlet.config.json', startLine: 1 } };

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The rule of a case: one per scenario (fuzz properties: one per property). */
function ruleId(info: CaseInfo): string {
  return info.scenarioId ?? caseKey(info.id);
}

/**
 * A checked http(s) URL as a Markdown autolink: it has no whitespace, and `<`/`>` are encoded so
 * it cannot close early.
 */
function markdownAutolink(url: string): string {
  return `<${url.replace(/[<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}>`;
}

/** The rule's help: the scenario's description, the remediation and the references (http(s) ones as links). */
function helpOf(info: CaseInfo, remediation: string): { text: string; markdown: string } {
  const description = info.description ? safeText(info.description, TEXT_LIMIT) : undefined;
  const refs = info.references ?? [];
  const text = [
    description,
    `Remediation: ${remediation}`,
    refs.length ? `References:\n${refs.map((r) => safeText(r, 1000)).join('\n')}` : undefined,
  ]
    .filter(Boolean)
    .join('\n\n');
  const markdown = [
    `**${escapeMarkdown(safeText(info.title, TITLE_LIMIT))}**`,
    description && escapeMarkdownParagraphs(description),
    `**Remediation**\n\n${escapeMarkdownParagraphs(remediation)}`,
    refs.length
      ? `**References**\n\n${refs
          .map((r) => {
            const url = linkableUrl(r);
            return `- ${url ? markdownAutolink(url) : escapeMarkdown(safeText(r, 1000))}`;
          })
          .join('\n')}`
      : undefined,
  ]
    .filter(Boolean)
    .join('\n\n');
  return { text, markdown };
}

function rule(info: CaseInfo): object {
  // Most telling first, since only ten are kept: security, STRIDE, CWE, ATT&CK, then the scenario's own.
  const tags = [
    ...new Set([
      'security',
      ...(info.stride ? [info.stride] : []),
      ...(info.classification?.cwe.map((c) => `external/cwe/${c.toLowerCase()}`) ?? []),
      ...(info.classification?.attack ?? []),
      ...info.tags,
    ]),
  ].slice(0, MAX_TAGS);
  const remediation = info.remediation
    ? safeText(info.remediation, TEXT_LIMIT)
    : 'See the scenario file for the expected behaviour.';
  const helpUri = (info.references ?? []).map(linkableUrl).find((u) => u !== undefined);
  return {
    id: ruleId(info),
    name: ruleId(info),
    // GitHub takes at most 1024 characters of either description (safeText's cut note included).
    shortDescription: { text: safeText(info.title, TITLE_LIMIT) },
    fullDescription: {
      text: `${safeText(info.title, TITLE_LIMIT)} (${info.stride ?? info.kind}, ${info.severity ?? 'unrated'})`,
    },
    // GitHub renders help.markdown: the scenario's words are escaped so they stay text.
    help: helpOf(info, remediation),
    ...(helpUri ? { helpUri } : {}),
    defaultConfiguration: { level: sarifLevel(info.severity) },
    properties: {
      tags,
      precision: 'high',
      'problem.severity': sarifLevel(info.severity) === 'note' ? 'recommendation' : sarifLevel(info.severity),
      'security-severity': securitySeverity(info.severity, info.securitySeverity),
    },
  };
}

/**
 * Every result points at the user's own file (the config by default): the scenario files live in
 * Gauntlet's package, outside the user's repository, where code scanning cannot show them.
 */
function location(settings: SarifSettings, info: CaseInfo): object {
  const { uri, startLine } = settings.location;
  const relative = !/^[a-z][a-z0-9+.-]*:/i.test(uri);
  return {
    physicalLocation: {
      artifactLocation: { uri, ...(relative ? { uriBaseId: '%SRCROOT%' } : {}) },
      region: { startLine },
    },
    logicalLocations: [{ name: info.id, kind: 'test' }],
  };
}

/**
 * The identity of a result across runs: scenario, language and the target's stable name. No
 * command line, path, run id, seed or evidence, so moving the executor or upgrading Gauntlet
 * keeps every alert open instead of closing and reopening it.
 */
function fingerprint(targetName: string, info: CaseInfo): string {
  return sha256(['gauntlet/v2', targetName, info.scenarioId ?? caseKey(info.id), info.language ?? ''].join('\u0000'));
}

function baselineState(report: Report, info: CaseInfo): object {
  const baseline = report.gate.baseline;
  if (!baseline) return {};
  const change = baseline.changes.find((c) => c.caseId === caseKey(info.id));
  if (!change) return { baselineState: 'unchanged' };
  return { baselineState: change.kind === 'regression' || change.kind === 'new' ? 'new' : 'updated' };
}

/** The profiles a case belongs to, by case id. */
function profilesByCase(report: Report): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const p of report.profiles ?? []) for (const id of p.cases) map.set(id, [...(map.get(id) ?? []), p.id]);
  return map;
}

function result(
  report: Report,
  settings: SarifSettings,
  c: CaseResult,
  suppressed: boolean,
  justification: string | undefined,
  profiles: readonly string[],
): object {
  const outcome = c.outcome;
  const findings = findingsOf(outcome);
  const print = fingerprint(stableTargetName(report.target), c.case);
  const what = outcome.status === 'flaky' ? 'vulnerable on some attempts (flaky)' : 'the executor is vulnerable';
  const evidence = `${outcomeReason(c) ?? ''}\n${findings.map(findingText).join('\n')}`;
  return {
    ruleId: ruleId(c.case),
    level: outcome.status === 'flaky' ? 'warning' : sarifLevel(c.case.severity),
    kind: 'fail',
    message: {
      text: `${safeText(c.case.title, 500)}: ${what}. ${evidence}`.trim(),
    },
    locations: [location(settings, c.case)],
    // GitHub matches alerts on primaryLocationLineHash only; every result shares one file and
    // line, so it carries the case's identity.
    partialFingerprints: { 'gauntletCase/v2': print, primaryLocationLineHash: `${print.slice(0, 16)}:1` },
    ...(suppressed
      ? {
          suppressions: [
            {
              kind: 'external',
              status: 'accepted',
              justification: justification ?? 'expected by the expectations file',
            },
          ],
        }
      : {}),
    ...baselineState(report, c.case),
    properties: {
      caseId: c.case.id,
      scenarioFile: c.case.file,
      status: outcome.status,
      stride: c.case.stride,
      severity: c.case.severity,
      language: c.case.language,
      ...(profiles.length ? { profiles: [...profiles] } : {}),
      replay: safeText(c.replay, TEXT_LIMIT),
      ...violationsProperty(c),
    },
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
    return [
      {
        level: 'warning',
        message: { text: `${c.case.id}: the executor broke the protocol: ${violationsLines(violations).join('\n')}` },
        associatedRule: { id: ruleId(c.case), index: ruleIndex.get(ruleId(c.case)) },
      },
    ];
  });
  const run = report.protocolViolations
    ? [
        {
          level: 'warning',
          message: {
            text:
              'during the run (every connection, inside cases or not): ' +
              violationsLines(report.protocolViolations).join('\n'),
          },
        },
      ]
    : [];
  return [...perCase, ...run];
}

/**
 * The run as a SARIF 2.1.0 log: one run for the target, one rule per scenario, one result per
 * vulnerable case (repetitions of a case are one result: they share its fingerprint).
 */
export function renderSarif(report: Report, settings: SarifSettings = DEFAULT_SETTINGS): object {
  const suppressed = suppressedIds(report.gate);
  const justification = new Map<string, string>();
  for (const a of report.gate.expectations ?? [])
    if (a.effect === 'suppressed')
      for (const id of a.cases)
        justification.set(
          id,
          `${a.expectation.justification} (owner ${a.expectation.owner}, until ${a.expectation.expires})`,
        );
  const rules = new Map<string, object>();
  for (const c of report.cases) if (!rules.has(ruleId(c.case))) rules.set(ruleId(c.case), rule(c.case));
  const vulnerable = [
    ...new Map(
      report.cases
        .filter(
          (c) =>
            ['failed', 'flaky', 'suppressed'].includes(verdictOf(c, suppressed)) &&
            !(c.outcome.status === 'flaky' && !(c.outcome as { findings?: unknown[] }).findings?.length),
        )
        .reverse()
        .map((c) => [caseKey(c.case.id), c]),
    ).values(),
  ].reverse();
  const errored = report.cases.filter((c) => c.outcome.status === 'errored' && !suppressed.has(c.case.id));
  const ruleIndex = new Map([...rules.keys()].map((id, i) => [id, i]));
  const profiles = profilesByCase(report);
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: report.harness.name,
            semanticVersion: report.harness.version,
            informationUri: 'https://github.com/gauntlet-dev/gauntlet',
            rules: [...rules.values()],
          },
        },
        automationDetails: {
          id: `${settings.category ?? `gauntlet/${stableTargetName(report.target)}`}/${report.runId}`,
          description: { text: `Gauntlet conformance run against ${safeText(report.target.name, 500)}` },
        },
        ...(settings.rootUri
          ? {
              originalUriBaseIds: {
                '%SRCROOT%': {
                  uri: settings.rootUri,
                  description: { text: 'The root of the repository the results point into.' },
                },
              },
            }
          : {}),
        invocations: [
          {
            executionSuccessful: report.harnessErrors.length === 0,
            commandLine: safeText(report.command, TEXT_LIMIT),
            startTimeUtc: report.startedAt,
            endTimeUtc: report.finishedAt,
            toolExecutionNotifications: [
              ...errored.map((c) => ({
                level: 'error',
                message: { text: `${c.case.id} could not be judged (never a pass): ${outcomeReason(c)}` },
                associatedRule: { id: ruleId(c.case), index: ruleIndex.get(ruleId(c.case)) },
              })),
              ...report.harnessErrors.map((e) => ({
                level: 'error',
                message: {
                  text: `${e.code}: ${safeText(e.message, TEXT_LIMIT)}${e.path ? ` (${safeText(e.path, 500)})` : ''}`,
                },
              })),
              ...violationNotifications(report, ruleIndex),
            ],
          },
        ],
        results: vulnerable.map((c) => ({
          ...result(
            report,
            settings,
            c,
            suppressed.has(c.case.id),
            justification.get(c.case.id),
            profiles.get(c.case.id) ?? [],
          ),
          ruleIndex: ruleIndex.get(ruleId(c.case)),
        })),
        properties: {
          target: report.target.name,
          seed: report.seed,
          corpusDigest: report.corpus.digest,
          gate: { passed: report.gate.passed, reasons: report.gate.reasons.map((r) => safeText(r, TEXT_LIMIT)) },
          ...(report.profiles
            ? {
                profiles: report.profiles.map((p) => ({
                  id: p.id,
                  status: p.status,
                  judged: p.judged,
                  unsupported: p.counts.unsupported,
                  reasons: p.reasons.map((r) => safeText(r, TEXT_LIMIT)),
                })),
              }
            : {}),
        },
      },
    ],
  };
}

/**
 * SARIF 2.1.0 for GitHub code scanning: one rule per scenario with security-severity, stable
 * fingerprints, suppressions from the expectations file, baselineState against the baseline,
 * and errored cases as tool notifications (they are not findings, and not passes).
 */
export const sarifReporter: ReporterPlugin = projectionReporter(
  'sarif',
  'SARIF 2.1.0 (results.sarif) for code scanning: one rule per scenario, security-severity, stable fingerprints',
  {
    file: 'results.sarif',
    write: (report, output, { sarif }) =>
      writeReportFile(output, `${JSON.stringify(renderSarif(report, sarif), null, 2)}\n`),
  },
);

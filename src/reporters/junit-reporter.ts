import { suppressedIds, verdictOf, type Verdict } from '../report/case-verdict.js';
import type { CaseResult, ProfileResult, Report } from '../report/generated/types.js';
import { aboutText, attemptsText, findingText, outcomeReason } from './case-text.js';
import { xml, type XmlMarkup } from './markup/xml-tag.js';
import { xmlText } from './markup/xml-text.js';
import { caseViolations, violationsSummary } from './protocol-violations-text.js';
import type { ReporterPlugin } from './reporter.js';
import { projectionReporter } from './projection-reporter.js';
import { writeReportFile } from './write-report-file.js';

/** Attribute values are bounded: CI tools show them on one line. */
const attr = (text: string | number) => xmlText(text, 1000);
/** A child element's text: the xml tag escapes it; this bounds it too. */
const bounded = (text: string) => xmlText(text, 4000);
const seconds = (ms: number) => (ms / 1000).toFixed(3);

function properties(pairs: ReadonlyArray<[string, string | number | undefined]>, indent: string): XmlMarkup {
  const present = pairs.filter((p): p is [string, string | number] => p[1] !== undefined && p[1] !== '');
  if (!present.length) return xml``;
  const items = present.map(([n, v]) => xml`${indent}  <property name="${attr(n)}" value="${attr(v)}"/>`);
  return xml`${indent}<properties>\n${xml.join(items, '\n')}\n${indent}</properties>\n`;
}

function testcase(result: CaseResult, suppressed: ReadonlySet<string>, gateReasons: Map<string, string>): XmlMarkup {
  const info = result.case;
  const verdict = verdictOf(result, suppressed);
  const props = properties(
    [
      ['case', info.id],
      ['stride', info.stride],
      ['severity', info.severity],
      ['security-severity', info.securitySeverity],
      ['cwe', info.classification?.cwe.join(',')],
      ['attack', info.classification?.attack?.join(',')],
      ['language', info.language],
      ['status', verdict],
      ['replay', result.replay],
      ['description', info.description],
      ['remediation', info.remediation],
      ['references', info.references?.join(' ')],
      ['protocol-violations', violationsOf(result)],
    ],
    '      ',
  );
  const child = testcaseChild(result, verdict, gateReasons);
  const about = aboutText(info);
  // The log is already bounded piece by piece; the tag neutralises and escapes it.
  const out = xml`      <system-out>${about ? `${about}\n` : ''}${attemptsText(result)}</system-out>\n`;
  const names = xml`classname="${attr(info.scenarioId ?? info.id)}" name="${attr(`${info.id}: ${info.title}`)}"`;
  // Properties inside a testcase follow the common JUnit dialect (Jenkins, GitLab, Testmo read them).
  return xml`    <testcase ${names} time="${seconds(result.durationMs)}">\n${props}${child}${out}    </testcase>\n`;
}

/** What the case's verdict puts in its testcase: skipped, error or failure; nothing for a pass. */
function testcaseChild(result: CaseResult, verdict: Verdict, gateReasons: Map<string, string>): XmlMarkup | undefined {
  const info = result.case;
  const outcome = result.outcome;
  if (verdict === 'suppressed') {
    const reason = gateReasons.get(info.id) ?? 'expected by the expectations file';
    return xml`      <skipped>${bounded(`suppressed: ${reason}`)}</skipped>\n`;
  }
  if (outcome.status === 'unsupported')
    return xml`      <skipped>${bounded(`unsupported: ${outcome.reason}`)}</skipped>\n`;
  if (outcome.status === 'errored')
    return xml`      <error type="errored" message="${attr(outcome.reason)}">${bounded(outcome.reason)}</error>\n`;
  if (outcome.status === 'failed') {
    const type = attr(`vulnerability:${info.stride ?? 'unclassified'}`);
    const findings = outcome.findings.map(findingText).join('\n');
    return xml`      <failure type="${type}" message="${attr(outcomeReason(result) ?? '')}">${findings}</failure>\n`;
  }
  return undefined;
}

function violationsOf(result: CaseResult): string | undefined {
  const violations = caseViolations(result);
  return violations && violationsSummary(violations);
}

/** A group of testcases: a conformance profile (with its verdict), or a STRIDE category. */
interface Suite {
  name: string;
  cases: CaseResult[];
  profile?: ProfileResult;
}

/**
 * With profiles: one suite per profile (a case sits in every profile it belongs to), then the
 * cases of no profile. Without: one suite per STRIDE category.
 */
function suitesOf(report: Report): Suite[] {
  if (report.profiles?.length) {
    const byId = new Map(report.cases.map((c) => [c.case.id, c]));
    const inAny = new Set(report.profiles.flatMap((p) => p.cases));
    const rest = report.cases.filter((c) => !inAny.has(c.case.id));
    return [
      ...report.profiles.map((p) => ({
        name: `profile ${p.id}`,
        cases: p.cases.flatMap((id) => byId.get(id) ?? []),
        profile: p,
      })),
      ...(rest.length ? [{ name: 'no profile', cases: rest }] : []),
    ];
  }
  const groups = new Map<string, CaseResult[]>();
  for (const c of report.cases) {
    const key =
      c.case.stride ?? (c.case.kind === 'fuzz' ? 'fuzz' : c.case.kind === 'profile' ? 'profile' : 'unclassified');
    const group = groups.get(key);
    if (group) group.push(c);
    else groups.set(key, [c]);
  }
  return [...groups].map(([name, cases]) => ({ name, cases }));
}

/**
 * The testcase of a profile's own verdict: a failure listing why it failed, so CI shows it even
 * when no single case failed.
 */
function profileVerdict(profile: ProfileResult): XmlMarkup {
  const child =
    profile.status === 'failed'
      ? xml`      <failure type="profile" message="${attr(`profile ${profile.id} failed`)}">${bounded(
          profile.reasons.join('\n'),
        )}</failure>\n`
      : profile.status === 'partial' &&
        xml`      <skipped>partial: ${profile.notSelected} cases of the profile were not selected</skipped>\n`;
  const props = properties(
    [
      ['profile', profile.id],
      ['profile-status', profile.status],
      ['judged', profile.judged],
      ['unsupported', profile.counts.unsupported],
    ],
    '      ',
  );
  const classname = attr(`profile/${profile.id}`);
  const names = xml`classname="${classname}" name="${attr(`profile ${profile.id}: ${profile.title}`)}"`;
  return xml`    <testcase ${names} time="0.000">\n${props}${child}    </testcase>\n`;
}

/** The run as JUnit XML: one testsuite per profile (per STRIDE category without profiles), one testcase per case. */
export function renderJunit(report: Report): string {
  const suppressed = suppressedIds(report.gate);
  const reasons = new Map<string, string>();
  for (const applied of report.gate.expectations ?? []) {
    if (applied.effect !== 'suppressed') continue;
    const { justification, owner, expires } = applied.expectation;
    for (const id of applied.cases) reasons.set(id, `${justification} (owner ${owner}, until ${expires})`);
  }
  const totals = { tests: 0, failures: 0, errors: 0 };
  const suites = suitesOf(report).map(({ name, cases, profile }) => {
    const verdicts = cases.map((c) => verdictOf(c, suppressed));
    const failures = verdicts.filter((v) => v === 'failed').length + (profile?.status === 'failed' ? 1 : 0);
    const errors = verdicts.filter((v) => v === 'errored').length;
    const skipped =
      verdicts.filter((v) => v === 'unsupported' || v === 'suppressed').length +
      (profile?.status === 'partial' ? 1 : 0);
    const tests = cases.length + (profile ? 1 : 0);
    totals.tests += tests;
    totals.failures += failures;
    totals.errors += errors;
    const time = cases.reduce((s, c) => s + c.durationMs, 0);
    const props = properties(
      [
        ['target', report.target.name],
        ['run', report.runId],
        ['seed', report.seed],
        ['harness', `${report.harness.name} ${report.harness.version}`],
        ['protocol', report.harness.protocolVersion],
        ['corpus-digest', report.corpus.digest],
        ['gate', report.gate.passed ? 'passed' : `failed: ${report.gate.reasons.join('; ')}`],
        ['profile', profile?.id],
        ['profile-status', profile?.status],
        ['profile-reasons', profile?.reasons.join('; ')],
        ['protocol-violations', report.protocolViolations && violationsSummary(report.protocolViolations)],
      ],
      '    ',
    );
    const counts = xml`tests="${tests}" failures="${failures}" errors="${errors}" skipped="${skipped}"`;
    const timestamp = attr(report.startedAt.replace(/\.\d+Z$|Z$/, ''));
    const attributes = xml`${counts} time="${seconds(time)}" timestamp="${timestamp}" package="${attr(name)}"`;
    const testcases = cases.map((c) => testcase(c, suppressed, reasons));
    return xml`  <testsuite name="${attr(`${report.target.name}: ${name}`)}" ${attributes}>\n${props}${
      profile && profileVerdict(profile)
    }${testcases}  </testsuite>\n`;
  });
  const counts = xml`tests="${totals.tests}" failures="${totals.failures}" errors="${totals.errors}"`;
  const name = attr(`gauntlet ${report.target.name}`);
  const root = xml`<testsuites name="${name}" ${counts} time="${seconds(report.durationMs)}">`;
  return xml`<?xml version="1.0" encoding="UTF-8"?>\n${root}\n${suites}</testsuites>\n`.toString();
}

/**
 * JUnit XML for CI test tabs: a failure is a vulnerability, an error means the run could not
 * judge (harness or executor broke), skipped is unsupported or suppressed. Properties carry
 * severity, CWE and ATT&CK ids; system-out the attempts and the replay command.
 */
export const junitReporter: ReporterPlugin = projectionReporter(
  'junit',
  'JUnit XML (junit.xml): failure = vulnerability, error = could not judge, skipped = unsupported or suppressed',
  {
    file: 'junit.xml',
    write: (report, output) => writeReportFile(output, renderJunit(report)),
  },
);

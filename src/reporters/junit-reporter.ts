import { suppressedIds, verdictOf } from '../report/case-verdict.js';
import type { CaseResult, ProfileResult, Report } from '../report/generated/types.js';
import { aboutText, attemptsText, findingText, outcomeReason } from './case-text.js';
import { escapeMarkup } from './escape-markup.js';
import { caseViolations, violationsSummary } from './protocol-violations-text.js';
import type { ReporterPlugin } from './reporter.js';
import { safeText } from './safe-text.js';
import { projectionReporter } from './projection-reporter.js';
import { writeReportFile } from './write-report-file.js';

const attr = (text: string | number) => `"${escapeMarkup(safeText(String(text), 1000))}"`;
const body = (text: string) => escapeMarkup(text);
const seconds = (ms: number) => (ms / 1000).toFixed(3);

function properties(pairs: ReadonlyArray<[string, string | number | undefined]>, indent: string): string {
  const present = pairs.filter((p): p is [string, string | number] => p[1] !== undefined && p[1] !== '');
  if (!present.length) return '';
  return `${indent}<properties>\n${present.map(([n, v]) => `${indent}  <property name=${attr(n)} value=${attr(v)}/>`).join('\n')}\n${indent}</properties>\n`;
}

function testcase(result: CaseResult, suppressed: ReadonlySet<string>, gateReasons: Map<string, string>): string {
  const info = result.case;
  const verdict = verdictOf(result, suppressed);
  const outcome = result.outcome;
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
  let child = '';
  if (verdict === 'suppressed')
    child = `      <skipped>${body(safeText(`suppressed: ${gateReasons.get(info.id) ?? 'expected by the expectations file'}`, 4000))}</skipped>\n`;
  else if (outcome.status === 'unsupported')
    child = `      <skipped>${body(safeText(`unsupported: ${outcome.reason}`, 4000))}</skipped>\n`;
  else if (outcome.status === 'errored')
    child = `      <error type="errored" message=${attr(outcome.reason)}>${body(safeText(outcome.reason, 4000))}</error>\n`;
  else if (outcome.status === 'failed')
    child = `      <failure type=${attr(`vulnerability:${info.stride ?? 'unclassified'}`)} message=${attr(outcomeReason(result) ?? '')}>${body(outcome.findings.map(findingText).join('\n'))}</failure>\n`;
  const about = aboutText(info);
  const out = `      <system-out>${body(`${about ? `${about}\n` : ''}${attemptsText(result)}`)}</system-out>\n`;
  // Properties inside a testcase follow the common JUnit dialect (Jenkins, GitLab, Testmo read them).
  return `    <testcase classname=${attr(info.scenarioId ?? info.id)} name=${attr(`${info.id}: ${info.title}`)} time="${seconds(result.durationMs)}">\n${props}${child}${out}    </testcase>\n`;
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

/** The testcase of a profile's own verdict: a failure listing why it failed, so CI shows it even when no single case failed. */
function profileVerdict(profile: ProfileResult): string {
  const child =
    profile.status === 'failed'
      ? `      <failure type="profile" message=${attr(`profile ${profile.id} failed`)}>${body(safeText(profile.reasons.join('\n'), 4000))}</failure>\n`
      : profile.status === 'partial'
        ? `      <skipped>${body(`partial: ${profile.notSelected} cases of the profile were not selected`)}</skipped>\n`
        : '';
  const props = properties(
    [
      ['profile', profile.id],
      ['profile-status', profile.status],
      ['judged', profile.judged],
      ['unsupported', profile.counts.unsupported],
    ],
    '      ',
  );
  return `    <testcase classname=${attr(`profile/${profile.id}`)} name=${attr(`profile ${profile.id}: ${profile.title}`)} time="0.000">\n${props}${child}    </testcase>\n`;
}

/** The run as JUnit XML: one testsuite per profile (per STRIDE category without profiles), one testcase per case. */
export function renderJunit(report: Report): string {
  const suppressed = suppressedIds(report.gate);
  const reasons = new Map<string, string>();
  for (const applied of report.gate.expectations ?? []) {
    if (applied.effect === 'suppressed')
      for (const id of applied.cases)
        reasons.set(
          id,
          `${applied.expectation.justification} (owner ${applied.expectation.owner}, until ${applied.expectation.expires})`,
        );
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
    return `  <testsuite name=${attr(`${report.target.name}: ${name}`)} tests="${tests}" failures="${failures}" errors="${errors}" skipped="${skipped}" time="${seconds(time)}" timestamp=${attr(report.startedAt.replace(/\.\d+Z$|Z$/, ''))} package=${attr(name)}>\n${props}${profile ? profileVerdict(profile) : ''}${cases.map((c) => testcase(c, suppressed, reasons)).join('')}  </testsuite>\n`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name=${attr(`gauntlet ${report.target.name}`)} tests="${totals.tests}" failures="${totals.failures}" errors="${totals.errors}" time="${seconds(report.durationMs)}">\n${suites.join('')}</testsuites>\n`;
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

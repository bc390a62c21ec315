import type { Language } from '../protocol/generated/types.js';
import type { CaseInfo, CaseResult, Counts, ProfileResult, Report } from '../report/generated/types.js';
import type { Profile } from './generated/types.js';
import { belongsToProfile, profileFuzzProperties } from './profile-members.js';
import { checkRequirement, profileChecks, profileLanguages, requirementEvidence } from './requirement-check.js';

/** The report as profiles see it: everything but the gate and the profiles themselves. */
export type UnjudgedReport = Omit<Report, 'gate' | 'profiles'>;

const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;

function countsOf(cases: readonly CaseResult[]): Counts {
  const counts: Counts = { total: cases.length, passed: 0, failed: 0, errored: 0, unsupported: 0, flaky: 0 };
  for (const c of cases) counts[c.outcome.status]++;
  return counts;
}

const percent = (share: number) => `${(share * 100).toFixed(1).replace(/\.0$/, '')}%`;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Judges each profile over a finished run, in order:
 * 1. its requirements against the executor's initialize answer (each also ran as a case);
 * 2. its cases: those of the run that belong to it, in the languages it covers;
 * 3. the verdict: failed when a requirement is not declared, a case failed below the profile's
 *    pass rate, any case errored, more cases were unsupported than it allows, or none was judged;
 *    partial when what ran passed but the selection left some of its cases out (`planned` are the
 *    cases before selection); passed otherwise.
 */
export function judgeProfiles(
  profiles: readonly Profile[],
  report: UnjudgedReport,
  planned: readonly CaseInfo[],
): ProfileResult[] {
  const initialize = report.target.initialize;
  return profiles.map((profile) => {
    const languages = profileLanguages(profile, initialize);
    // 1. Requirements.
    const requirements = initialize
      ? profileChecks(profile).map((check) => checkRequirement(check, initialize, languages))
      : [];
    const reasons = requirements.filter((r) => !r.passed).map((r) => requirementEvidence(r, profile.id));
    if (!initialize) reasons.push('the executor never answered initialize: nothing of the profile could be judged');
    // 2. Cases.
    const cases = report.cases.filter((c) => belongsToProfile(profile, c.case, languages));
    const counts = countsOf(cases);
    const judged = counts.passed + counts.failed + counts.flaky;
    const unsupportedShare = counts.total ? counts.unsupported / counts.total : 0;
    // 3. Verdict.
    const failedCases = cases.filter((c) => c.outcome.status === 'failed' && c.case.kind !== 'profile');
    for (const severity of SEVERITIES) {
      const rated = cases.filter(
        (c) =>
          c.case.kind !== 'profile' &&
          c.case.severity === severity &&
          ['passed', 'failed', 'flaky', 'errored'].includes(c.outcome.status),
      );
      if (!rated.length) continue;
      const rate =
        (rated.filter((c) => c.outcome.status === 'passed' || c.outcome.status === 'flaky').length / rated.length) *
        100;
      const min = profile.minPassRate?.[severity] ?? 100;
      if (rate < min)
        reasons.push(
          `severity ${severity}: ${rate.toFixed(1)}% passed, profile ${profile.id} requires ${min}% ` +
            `(${plural(failedCases.filter((c) => c.case.severity === severity).length, 'case')} failed)`,
        );
    }
    if (counts.errored)
      reasons.push(`${plural(counts.errored, 'case')} errored: the run could not judge them, which is never a pass`);
    const allowed = profile.maxUnsupportedShare ?? 0;
    if (unsupportedShare > allowed)
      reasons.push(
        `${counts.unsupported} of ${counts.total} cases unsupported ` +
          `(${percent(unsupportedShare)}); profile ${profile.id} allows ${percent(allowed)}`,
      );
    if (initialize && judged === 0) reasons.push('no case of the profile was judged');
    const notSelected = missingFromSelection(profile, cases, planned, languages);
    const status = reasons.length ? 'failed' : notSelected > 0 ? 'partial' : 'passed';
    return {
      id: profile.id,
      title: profile.title,
      promise: profile.promise,
      status,
      languages,
      counts,
      judged,
      unsupportedShare,
      notSelected,
      requirements,
      reasons,
      cases: cases.map((c) => c.case.id),
    };
  });
}

/** Cases of the profile that were planned but not selected, and its fuzz properties the run left out (--no-fuzz). */
function missingFromSelection(
  profile: Profile,
  cases: readonly CaseResult[],
  planned: readonly CaseInfo[],
  languages: readonly Language[],
): number {
  const ran = new Set(cases.map((c) => c.case.id.replace(/#\d+$/, '')));
  const scenarioCases = planned.filter(
    (info) => info.kind !== 'fuzz' && belongsToProfile(profile, info, languages) && !ran.has(info.id),
  );
  // A property that runs once per language counts as run when any of its cases ran.
  const ranFuzz = new Set([...ran].filter((id) => id.startsWith('fuzz/')).map((id) => id.replace(/@[a-z]+$/, '')));
  const fuzz = profileFuzzProperties(profile, languages).filter((p) => !ranFuzz.has(`fuzz/${p}`));
  return scenarioCases.length + fuzz.length;
}

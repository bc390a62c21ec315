import type { CaseInfo } from '../report/generated/types.js';
import type { RunnableCase } from '../runner/runnable-case.js';
import type { Profile } from './generated/types.js';
import {
  checkId,
  checkRequirement,
  profileChecks,
  profileLanguages,
  requirementEvidence,
  type ProfileCheck,
} from './requirement-check.js';

/** The case id prefix of a profile's requirement cases. */
export function requirementCasePrefix(profileId: string): string {
  return `profile/${profileId}/`;
}

/**
 * One case per capability a profile requires (`profile/<profile>/<requirement>`). It is judged
 * from the executor's initialize answer: passed when the executor declares the capability,
 * otherwise failed and critical with the evidence "declares memory: none; profile core requires
 * hard". A capability the profile needs is never unsupported: not offering it is the finding.
 */
export function requirementCases(profile: Profile): RunnableCase[] {
  return profileChecks(profile).map((check) => requirementCase(profile, check));
}

function requirementCase(profile: Profile, check: ProfileCheck): RunnableCase {
  const id = checkId(check);
  const info: CaseInfo = {
    id: `${requirementCasePrefix(profile.id)}${id}`,
    kind: 'profile',
    lane: 'profile',
    title: `profile ${profile.id} requires ${id}`,
    severity: 'critical',
    tags: ['profile', `profile:${profile.id}`],
    remediation:
      `Enforce ${id} and declare it in the initialize answer, or do not claim conformance to the ` +
      `${profile.id} profile.`,
  };
  return {
    info,
    deadlineMs: 5_000,
    exclusive: false,
    // Judges the initialize answer the run already holds: it neither computes nor waits.
    cost: 'wait',
    run({ services }) {
      const { initialize } = services;
      const result = checkRequirement(check, initialize, profileLanguages(profile, initialize));
      if (result.passed) return Promise.resolve({ status: 'passed', findings: [], steps: [], executorMs: 0 });
      const finding = {
        oracle: 'profile',
        message: requirementEvidence(result, profile.id),
        at: new Date().toISOString(),
        expected: result.required.slice(0, 500),
        observed: result.declared.slice(0, 500),
      };
      return Promise.resolve({ status: 'failed', findings: [finding], steps: [], executorMs: 0 });
    },
  };
}

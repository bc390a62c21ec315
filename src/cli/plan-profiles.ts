import type { LoadedConfig } from '../config/load-config.js';
import type { Profile } from '../profiles/generated/types.js';
import { judgeProfiles, type UnjudgedReport } from '../profiles/judge-profiles.js';
import { DEFAULT_PROFILES, loadProfiles } from '../profiles/load-profiles.js';
import { belongsToProfile } from '../profiles/profile-members.js';
import { requirementCases } from '../profiles/requirement-case.js';
import type { ProfileResult } from '../report/generated/types.js';
import type { RunnableCase } from '../runner/runnable-case.js';
import type { RunArguments } from './run-arguments.js';

/** What the profiles of a run add to its plan. */
export interface PlannedProfiles {
  /** The ids judged; empty with --profile none. */
  names: string[];
  profiles: Profile[];
  /** The cases to select from: with profiles, those of at least one profile; without, all. */
  cases: RunnableCase[];
  /** One per required capability of each profile. */
  requirementCases: RunnableCase[];
  judge?: (report: UnjudgedReport) => ProfileResult[];
}

/**
 * Resolves the run's profiles (--profile, else the config's run.profiles, else core) and narrows
 * the planned cases to theirs. Which languages a profile covers is only known once the executor
 * answers initialize, so here every language counts; the judge narrows after the run.
 */
export function planProfiles(
  args: RunArguments,
  config: LoadedConfig | undefined,
  cwd: string,
  packageRoot: string,
  all: readonly RunnableCase[],
): PlannedProfiles {
  const fromConfig = config?.config.run?.profiles;
  const names = args.profiles ?? fromConfig ?? DEFAULT_PROFILES;
  const profiles = loadProfiles(names, { packageRoot, baseDir: args.profiles || !config ? cwd : config.dir });
  if (!profiles.length) return { names: [], profiles, cases: [...all], requirementCases: [] };
  const cases = all.filter((c) => profiles.some((p) => belongsToProfile(p, c.info)));
  const planned = cases.map((c) => c.info);
  const required = profiles.flatMap(requirementCases);
  return {
    names: profiles.map((p) => p.id),
    profiles,
    cases,
    requirementCases: required,
    judge: (report) => judgeProfiles(profiles, report, [...required.map((c) => c.info), ...planned]),
  };
}

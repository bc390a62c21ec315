import type { InitializeResult, Language } from '../protocol/generated/types.js';
import type { ProfileRequirementResult } from '../report/generated/types.js';
import type { Profile, ProfileRequirement } from './generated/types.js';

/** What a profile requires, one line each: its capabilities, then each language it names. */
export type ProfileCheck =
  { kind: 'capability'; requirement: ProfileRequirement } | { kind: 'language'; language: Language };

/** Every check of a profile: its required capabilities, and each language of an explicit list. */
export function profileChecks(profile: Profile): ProfileCheck[] {
  const languages = profile.languages === 'declared' ? [] : profile.languages;
  return [
    ...profile.requires.map((requirement) => ({ kind: 'capability', requirement }) as const),
    ...languages.map((language) => ({ kind: 'language', language }) as const),
  ];
}

/** The stable id of a check, as in its case id `profile/<profile>/<id>`. */
export function checkId(check: ProfileCheck): string {
  if (check.kind === 'language') return `language.${check.language}`;
  const r = check.requirement;
  if ('limit' in r) return `limits.${r.limit}`;
  if ('modes' in r) return r.modes;
  if ('feature' in r) return r.feature;
  return 'isolation';
}

const STRENGTH = { none: 0, soft: 1, hard: 2 } as const;

/**
 * Judges one check against the executor's initialize answer. The evidence reads "declares
 * memory: none; profile core requires hard". `languages` are the profile's languages for this
 * executor (tools must be offered in each of them).
 */
export function checkRequirement(
  check: ProfileCheck,
  initialize: InitializeResult,
  languages: readonly Language[],
): ProfileRequirementResult {
  const id = checkId(check);
  const declaredLanguages = initialize.languages.map((l) => l.id);
  const result = (declared: string, required: string, passed: boolean): ProfileRequirementResult => ({
    id,
    declared,
    required,
    passed,
  });
  if (check.kind === 'language')
    return result(declaredLanguages.join(', '), check.language, declaredLanguages.includes(check.language));
  const r = check.requirement;
  const c = initialize.capabilities;
  if ('limit' in r) {
    const declared = c.limits[r.limit] ?? 'none';
    return result(
      declared,
      r.enforcement === 'hard' ? 'hard' : 'soft or hard',
      STRENGTH[declared] >= STRENGTH[r.enforcement],
    );
  }
  if ('modes' in r) {
    const declared: readonly string[] = c[r.modes];
    return result(
      declared.length ? declared.join(', ') : '(nothing)',
      r.anyOf.join(' or '),
      r.anyOf.some((m) => declared.includes(m)),
    );
  }
  if ('isolation' in r) {
    const declared = initialize.executorInfo.isolation;
    return result(declared, r.isolation.join(' or '), r.isolation.includes(declared));
  }
  switch (r.feature) {
    case 'subprocesses.canDeny':
      return result(String(c.subprocesses.canDeny), 'true', c.subprocesses.canDeny);
    case 'sessions':
      return result(c.sessions.supported ? 'supported' : 'unsupported', 'supported', c.sessions.supported);
    case 'tools': {
      const missing = languages.filter((l) => !c.tools.languages.includes(l));
      const declared = c.tools.supported
        ? `supported in ${c.tools.languages.join(', ') || '(no language)'}`
        : 'unsupported';
      return result(declared, `supported in ${languages.join(', ')}`, c.tools.supported && missing.length === 0);
    }
    case 'audit':
      return result(c.audit.supported ? 'supported' : 'unsupported', 'supported', c.audit.supported);
    case 'audit.hashChain':
      return result(String(c.audit.supported && c.audit.hashChain), 'true', c.audit.supported && c.audit.hashChain);
    case 'redaction':
      return result(c.redaction.supported ? 'supported' : 'unsupported', 'supported', c.redaction.supported);
    case 'cancel':
      return result(String(c.cancel), 'true', c.cancel);
  }
}

/** The evidence line of a check that failed: "declares memory: none; profile core requires hard". */
export function requirementEvidence(result: ProfileRequirementResult, profileId: string): string {
  const what = result.id.startsWith('limits.')
    ? result.id.slice('limits.'.length)
    : result.id.startsWith('language.')
      ? 'languages'
      : result.id;
  return `declares ${what}: ${result.declared}; profile ${profileId} requires ${result.required}`;
}

/** The languages a profile covers for this executor: all it declares, or the profile's list. */
export function profileLanguages(profile: Profile, initialize: InitializeResult | null): Language[] {
  if (profile.languages !== 'declared') return [...profile.languages];
  return initialize ? initialize.languages.map((l) => l.id) : [];
}

import type { Language } from '../protocol/generated/types.js';
import type { CaseInfo } from '../report/generated/types.js';
import type { CaseMatcher, Profile } from './generated/types.js';
import { requirementCasePrefix } from './requirement-case.js';

/** `*` matches any run of characters; everything else literally. */
function globMatches(pattern: string, text: string): boolean {
  return new RegExp(
    `^${pattern
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\-]/g, '\\$&'))
      .join('.*')}$`,
  ).test(text);
}

function admits(matcher: CaseMatcher, info: CaseInfo): boolean {
  if (matcher.stride && !(info.stride && matcher.stride.includes(info.stride))) return false;
  if (matcher.tags && !matcher.tags.some((t) => info.tags.includes(t))) return false;
  if (matcher.ids && !matcher.ids.some((p) => globMatches(p, info.scenarioId ?? ''))) return false;
  return true;
}

/** The fuzz properties of a profile that apply to an executor running `languages` (undefined: any). */
export function profileFuzzProperties(profile: Profile, languages?: readonly Language[]): string[] {
  return (profile.fuzz ?? [])
    .filter((f) => !languages || !f.languages || f.languages.some((l) => languages.includes(l)))
    .map((f) => f.property);
}

/**
 * Whether a case belongs to a profile: its own requirement cases; the fuzz properties it lists
 * (that can drive one of the languages); scenario cases one include matcher admits and no
 * exclude matcher does, in one of `languages`. Without `languages` (before the executor has
 * said what it runs) every language counts.
 */
export function belongsToProfile(profile: Profile, info: CaseInfo, languages?: readonly Language[]): boolean {
  switch (info.kind) {
    case 'profile':
      return info.id.startsWith(requirementCasePrefix(profile.id));
    case 'fuzz': {
      // A property that runs once per language: its case in a language the entry (and run) covers.
      if (info.language && languages && !languages.includes(info.language)) return false;
      const name = info.id
        .replace(/^fuzz\//, '')
        .replace(/#\d+$/, '')
        .replace(/@[a-z]+$/, '');
      return (profile.fuzz ?? []).some(
        (f) =>
          f.property === name &&
          (!info.language || !f.languages || f.languages.includes(info.language)) &&
          profileFuzzProperties(profile, languages).includes(name),
      );
    }
    case 'scenario':
      if (languages && !(info.language && languages.includes(info.language))) return false;
      if (profile.languages !== 'declared' && !(info.language && profile.languages.includes(info.language)))
        return false;
      return profile.include.some((m) => admits(m, info)) && !(profile.exclude ?? []).some((m) => admits(m, info));
  }
}

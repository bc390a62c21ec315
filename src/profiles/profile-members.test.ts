import { describe, expect, it } from 'vitest';
import type { CaseInfo } from '../report/generated/types.js';
import type { Profile } from './generated/types.js';
import { belongsToProfile } from './profile-members.js';

const profile = {
  id: 'p',
  title: 'p',
  promise: 'p',
  languages: 'declared',
  include: [],
  fuzz: [
    { property: 'limit-memory' },
    { property: 'redaction', languages: ['javascript'] },
    { property: 'protocol-robustness' },
  ],
} as unknown as Profile;
const fuzz = (id: string, language?: CaseInfo['language']): CaseInfo =>
  ({ id, kind: 'fuzz', lane: 'fuzz', title: id, tags: [], ...(language ? { language } : {}) }) as CaseInfo;

describe('fuzz cases of a profile, per language', () => {
  it('a property counts in each of its languages the run covers, and only in the languages its entry names', () => {
    expect(belongsToProfile(profile, fuzz('fuzz/limit-memory@python', 'python'), ['javascript', 'python'])).toBe(true);
    expect(belongsToProfile(profile, fuzz('fuzz/limit-memory@python', 'python'), ['javascript'])).toBe(false);
    expect(belongsToProfile(profile, fuzz('fuzz/redaction@javascript', 'javascript'), ['javascript', 'python'])).toBe(
      true,
    );
    expect(belongsToProfile(profile, fuzz('fuzz/redaction@python', 'python'), ['javascript', 'python'])).toBe(false);
    expect(belongsToProfile(profile, fuzz('fuzz/protocol-robustness'), ['python'])).toBe(true);
    expect(belongsToProfile(profile, fuzz('fuzz/limit-output@python', 'python'), ['python'])).toBe(false);
  });
});

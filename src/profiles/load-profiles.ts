import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { HarnessError, HarnessErrorCode } from '../errors/harness-error.js';
import type { Profile } from './generated/types.js';
import { profileValidator } from './profile-validator.js';

/** The name that turns profiles off: the run gates on the cases alone, as before profiles. */
export const NO_PROFILE = 'none';

/** The profile judged when neither --profile nor the config names one. */
export const DEFAULT_PROFILES: readonly string[] = ['core'];

/** Where names resolve: Gauntlet's own profiles folder, and the folder that relative paths start from. */
export interface ProfileSources {
  packageRoot: string;
  /** Paths in the config resolve against its folder; on the command line, against the working directory. */
  baseDir: string;
}

/**
 * Loads the named profiles, in order: a bare name is a file of Gauntlet's `profiles/` folder, a
 * name ending in .yaml, .yml or .json is a path. `none` alone means no profile. Throws
 * CONFIG_INVALID naming the file and the JSON pointer of what is wrong.
 */
export function loadProfiles(names: readonly string[], sources: ProfileSources): Profile[] {
  if (names.includes(NO_PROFILE)) {
    if (names.length > 1)
      throw new HarnessError(
        HarnessErrorCode.ConfigInvalid,
        `"${NO_PROFILE}" cannot be combined with other profiles (got ${names.join(',')})`,
        '--profile',
      );
    return [];
  }
  const profiles = names.map((name) => loadProfile(name, sources));
  const ids = profiles.map((p) => p.id);
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice) throw new HarnessError(HarnessErrorCode.ConfigInvalid, `profile ${twice} is named twice`, '--profile');
  return profiles;
}

/** The ids of the profiles Gauntlet ships, for messages. */
export function shippedProfiles(packageRoot: string): string[] {
  const dir = join(packageRoot, 'profiles');
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.yaml'))
        .map((f) => f.slice(0, -'.yaml'.length))
        .sort()
    : [];
}

function loadProfile(name: string, sources: ProfileSources): Profile {
  const isPath = /\.(ya?ml|json)$/.test(name);
  if (!isPath && !/^[a-z][a-z0-9-]{0,40}$/.test(name))
    throw new HarnessError(
      HarnessErrorCode.ConfigInvalid,
      `not a profile name or a .yaml/.json file: ${JSON.stringify(name)}`,
      '--profile',
    );
  const file = isPath ? resolve(sources.baseDir, name) : join(sources.packageRoot, 'profiles', `${name}.yaml`);
  if (!existsSync(file)) {
    const known = shippedProfiles(sources.packageRoot).join(', ');
    throw new HarnessError(
      HarnessErrorCode.ConfigInvalid,
      isPath ? `no such profile file` : `no profile named ${JSON.stringify(name)}; known: ${known}, or ${NO_PROFILE}`,
      isPath ? file : '--profile',
    );
  }
  let data: unknown;
  try {
    const text = readFileSync(file, 'utf8');
    data = extname(file) === '.json' ? JSON.parse(text) : parse(text);
  } catch (error) {
    throw new HarnessError(
      HarnessErrorCode.ConfigInvalid,
      `cannot parse the profile: ${(error as Error).message}`,
      file,
      { cause: error },
    );
  }
  const checked = profileValidator().validate('Profile', data);
  if (!checked.ok)
    throw new HarnessError(
      HarnessErrorCode.ConfigInvalid,
      `invalid profile: ${checked.issues.map((i) => `${i.pointer || '/'}: ${i.message}`).join('; ')}`,
      file,
    );
  const stem = basename(file, extname(file));
  if (checked.value.id !== stem)
    throw new HarnessError(
      HarnessErrorCode.ConfigInvalid,
      `/id: ${JSON.stringify(checked.value.id)} must equal the file name ${JSON.stringify(stem)}`,
      file,
    );
  return checked.value;
}

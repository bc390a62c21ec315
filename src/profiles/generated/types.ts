/* eslint-disable */
// GENERATED FILE: do not edit. Source: schemas/profile.schema.json
// Regenerate with `npm run generate`; `npm run check:generated` fails when this file drifts.
import type { IsolationKind, Language } from '../../protocol/generated/types.js';
import type { StrideCategory } from '../../scenarios/generated/types.js';

/**
 * One capability the executor must declare in its initialize answer.
 */
export type ProfileRequirement =
  LimitRequirement | ModeRequirement | FeatureRequirement | IsolationRequirement;

export interface Profile {
  /**
   * Stable name, equal to the file name without extension; what --profile names.
   */
  id: string;
  title: string;
  /**
   * What a pass promises, in one paragraph a reader outside security understands.
   */
  promise: string;
  /**
   * The languages the profile applies to. declared: every language the executor declares. A list: each of them must be declared (a missing one fails the profile), and only cases in them count.
   */
  languages: 'declared' | [Language, ...Language[]];
  /**
   * Capabilities the executor must declare. Each is a case of the profile: failed (critical) when the executor does not declare it, never unsupported.
   */
  requires: ProfileRequirement[];
  /**
   * Scenario cases of the profile: a case belongs when any matcher admits it and no exclude matcher does.
   */
  include: CaseMatcher[];
  exclude?: CaseMatcher[];
  /**
   * Fuzz properties of the profile (fuzz/<property>@<language> cases, fuzz/<property> for one that sends no code).
   */
  fuzz?: ProfileFuzzProperty[];
  /**
   * Minimum pass rate (percent) of the profile's judged cases per severity; a severity not named needs 100.
   */
  minPassRate?: {
    [k: string]: number | undefined;
  };
  /**
   * The largest share (0 to 1) of the profile's cases that may be unsupported. Default 0: every case must be judged.
   */
  maxUnsupportedShare?: number;
}
/**
 * capabilities.limits.<limit> must be at least this enforcement (hard > soft > none).
 */
export interface LimitRequirement {
  limit: 'wallTime' | 'memory' | 'output' | 'toolTime';
  enforcement: 'hard' | 'soft';
}
/**
 * capabilities.<modes> must list at least one of anyOf.
 */
export interface ModeRequirement {
  modes: 'network' | 'filesystem' | 'outputModes';
  /**
   * @minItems 1
   */
  anyOf: [string, ...string[]];
}
/**
 * A yes/no capability that must be true: subprocesses.canDeny, sessions.supported, tools.supported (for every profile language), audit.supported, audit.hashChain, redaction.supported, cancel.
 */
export interface FeatureRequirement {
  feature:
    'subprocesses.canDeny' | 'sessions' | 'tools' | 'audit' | 'audit.hashChain' | 'redaction' | 'cancel';
}
/**
 * executorInfo.isolation must be one of these.
 */
export interface IsolationRequirement {
  /**
   * @minItems 1
   */
  isolation: [IsolationKind, ...IsolationKind[]];
}
/**
 * Admits a scenario case when every present member matches: its STRIDE category is listed, it carries one of the tags, its scenario id matches one of the patterns (* matches any run of characters).
 */
export interface CaseMatcher {
  /**
   * @minItems 1
   */
  stride?: [StrideCategory, ...StrideCategory[]];
  /**
   * @minItems 1
   */
  tags?: [string, ...string[]];
  /**
   * @minItems 1
   */
  ids?: [string, ...string[]];
}
export interface ProfileFuzzProperty {
  property: string;
  /**
   * The languages of the property that the profile counts: its cases fuzz/<property>@<language> in these languages (all of the property's when absent), where the executor declares them.
   *
   * @minItems 1
   */
  languages?: [Language, ...Language[]];
}

/** Every definition of the profile schemas by name, for typed validation. */
export interface ProfileDefs {
  CaseMatcher: CaseMatcher;
  FeatureRequirement: FeatureRequirement;
  IsolationRequirement: IsolationRequirement;
  LimitRequirement: LimitRequirement;
  ModeRequirement: ModeRequirement;
  Profile: Profile;
  ProfileFuzzProperty: ProfileFuzzProperty;
  ProfileRequirement: ProfileRequirement;
}

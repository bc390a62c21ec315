import type { TargetInfo } from '../report/generated/types.js';

/**
 * The name of a target that survives moving or re-flagging the executor, for code-scanning
 * fingerprints and categories: a config target's own name (or `reference`), else the name the
 * executor gave itself in initialize, else its transport. A `stdio:…`, `docker:…` or `ws://…`
 * target's name is its command line, image or URL, which change when the executor moves.
 */
export function stableTargetName(target: TargetInfo): string {
  if (/^[a-z0-9][a-z0-9._-]{0,63}$/.test(target.name)) return target.name;
  const self = target.initialize?.executorInfo.name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[-.]+|-+$/g, '')
    .slice(0, 64);
  return self || target.transport;
}

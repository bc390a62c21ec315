import { resolve } from 'node:path';
import { HarnessError, HarnessErrorCode } from '../errors/harness-error.js';
import type { TargetContext } from './target-kind.js';
import { dockerConnectTarget } from './kinds/docker-target-kind.js';
import { targetKinds } from './target-kinds.js';
import type { Target } from './target.js';

/**
 * Resolves --target: the name of a target in the config first, else the first registered kind
 * whose syntax matches (reference, stdio:<command line>, ws://..., and the kinds others add).
 * Without --target: the config's defaultTarget, else `reference`. `context.tenants` gives fixed
 * credentials to targets that need them (a WebSocket executor).
 */
export async function resolveTarget(argument: string | undefined, context: TargetContext): Promise<Target> {
  const { config, tenants } = context;
  const name = argument ?? config?.config.defaultTarget ?? 'reference';
  const named = config?.config.targets?.[name];
  if (named) {
    if (named.transport === 'docker') return { name, spec: dockerConnectTarget(named, tenants) };
    const spec = named.transport === 'stdio' && named.cwd ? { ...named, cwd: resolve(config.dir, named.cwd) } : named;
    return { name, spec: tenants ? { ...spec, tenants } : spec };
  }
  const kind = targetKinds.find((k) => k.matches(name));
  if (kind) return kind.resolve(name, context);
  const known = Object.keys(config?.config.targets ?? {});
  throw new HarnessError(HarnessErrorCode.ConfigInvalid, `unknown target "${name}": use ${targetKinds.map((k) => k.syntax).join(', ')}${known.length ? `, or a target of the config: ${known.join(', ')}` : ''}`, '--target');
}

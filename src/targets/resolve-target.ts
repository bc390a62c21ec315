import { HarnessError, HarnessErrorCode } from '../errors/harness-error.js';
import type { TargetConfig, TargetContext } from './target-kind.js';
import { targetKinds } from './target-kinds.js';
import type { Target } from './target.js';

/**
 * Resolves --target: the name of a target in the config first, else the first registered kind
 * whose syntax matches (reference, stdio:<command line>, ws://..., and the kinds others add).
 * Without --target: the config's defaultTarget, else `reference`. `context.tenants` gives fixed
 * credentials to targets that need them (a WebSocket executor).
 */
export async function resolveTarget(argument: string | undefined, context: TargetContext): Promise<Target> {
  const { config } = context;
  const name = argument ?? config?.config.defaultTarget ?? 'reference';
  const named = config?.config.targets?.[name];
  if (named) {
    const reader = targetKinds.find((k) => k.configTransport === named.transport);
    if (!reader?.fromConfig)
      throw new HarnessError(
        HarnessErrorCode.ConfigInvalid,
        `no target kind reads transport "${named.transport}"`,
        `${config.file}#/targets/${name}/transport`,
      );
    return { name, spec: reader.fromConfig(named as TargetConfig, { ...context, configDir: config.dir }) };
  }
  const kind = targetKinds.find((k) => k.matches(name));
  if (kind) return kind.resolve(name, context);
  const known = Object.keys(config?.config.targets ?? {});
  throw new HarnessError(
    HarnessErrorCode.ConfigInvalid,
    `unknown target "${name}": use ${targetKinds.map((k) => k.syntax).join(', ')}` +
      (known.length ? `, or a target of the config: ${known.join(', ')}` : ''),
    '--target',
  );
}

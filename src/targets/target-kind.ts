import type { LoadedConfig } from '../config/load-config.js';
import type { DockerTarget, StdioTarget, Tenants, WebSocketTarget } from '../config/generated/types.js';

/** A target of gauntlet.config, by its `transport`. */
export type TargetConfig = StdioTarget | WebSocketTarget | DockerTarget;
import type { Target, TargetSpec } from './target.js';

/** What resolving a --target spec may use. */
export interface TargetContext {
  /** Gauntlet's own package folder (the built reference executor lives under it). */
  packageRoot: string;
  config?: LoadedConfig;
  /** Fixed tenant credentials from --tenants, when given. */
  tenants?: Tenants;
}

/**
 * One syntax of --target, registered by name in target-kinds.ts: `reference[:fault=NAME,...]`,
 * `stdio:<command line>`, `ws://...`, `docker:IMAGE`, `adapter:<name>[:key=value]`. A kind claims the specs
 * it `matches` and turns them into a Target; bad specs throw CONFIG_INVALID naming `--target`.
 */
export interface TargetKind {
  name: string;
  /** The syntax, as `gauntlet run --help` shows it. */
  syntax: string;
  description: string;
  matches(spec: string): boolean;
  resolve(spec: string, context: TargetContext): Target | Promise<Target>;
  /** The `transport` of the config targets this kind reads (gauntlet.config targets), if any. */
  configTransport?: TargetConfig['transport'];
  /** Turns a config target of `configTransport` into a spec; relative paths resolve against `configDir`. */
  fromConfig?(config: TargetConfig, context: TargetContext & { configDir: string }): TargetSpec;
}

/* eslint-disable */
// GENERATED FILE: do not edit. Source: schemas/config.schema.json
// Regenerate with `npm run generate`; `npm run check:generated` fails when this file drifts.
import type { GateConfig } from '../../gate/generated/types.js';
import type { Principal } from '../../protocol/generated/types.js';
import type { CanaryKind, PolicyOverrides } from '../../scenarios/generated/types.js';

/**
 * An executor: one Gauntlet starts over stdio or in a Docker container, or one it reaches over WebSocket.
 */
export type Target = {
  transport: string;
} & Target1;
export type Target1 = StdioTarget | WebSocketTarget | DockerTarget;

export interface Config {
  $schema?: string;
  /**
   * The target used when --target is absent: a name of targets, reference, stdio:<command line> or a ws:// URL.
   */
  defaultTarget?: string;
  /**
   * Named executors, selected with --target NAME.
   */
  targets?: {
    [k: string]: Target | undefined;
  };
  run?: RunDefaults;
  gate?: GateConfig;
  sarif?: SarifSettings;
}
/**
 * Gauntlet spawns command (without a shell) with an explicit environment: PATH, env, GAUNTLET_TENANTS and the canaries; nothing else of Gauntlet's own environment.
 */
export interface StdioTarget {
  transport: 'stdio';
  description?: string;
  command: string;
  args?: string[];
  /**
   * Working directory, relative to the config file.
   */
  cwd?: string;
  env?: EnvMap;
  tenants?: Tenants;
  canaries?: CanarySettings;
  policy?: PolicyOverrides;
}
/**
 * Environment variables given to the executor process.
 */
export interface EnvMap {
  [k: string]: string | undefined;
}
/**
 * Fixed credentials of the two tenants scenarios use. Without them Gauntlet generates random tokens for each run and gives them to the executors it starts in GAUNTLET_TENANTS (a JSON object of tenantId to token).
 */
export interface Tenants {
  attacker: Principal;
  victim: Principal;
}
export interface CanarySettings {
  /**
   * Canaries this target cannot host; scenarios that need them are unsupported.
   */
  disabled?: CanaryKind[];
  /**
   * For executors Gauntlet does not start: an environment variable the operator planted in the executor's environment, and its value. Not fresh per case, so use a value no one else knows.
   */
  env?: {
    name: string;
    value: string;
  };
  /**
   * Where file canaries are written (default: a fresh directory under the system temp dir). Must be outside every sandbox path of the executor.
   */
  fileDir?: string;
}
/**
 * A running executor reached at url. Gauntlet cannot set its environment, so tenants are required and the env canary needs canaries.env.
 */
export interface WebSocketTarget {
  transport: 'websocket';
  description?: string;
  url: string;
  tenants: Tenants;
  canaries?: CanarySettings;
  policy?: PolicyOverrides;
}
/**
 * Gauntlet starts image with the Docker engine (dockerode) and speaks the protocol over the container's attached stdio. The container gets env, GAUNTLET_TENANTS and the env canary, and the run's canary folder read-only at the same path (so file canaries sit in its own file system); it has no network unless hostConfig says so. Containers are labelled and removed after the run, after Ctrl-C, and (if the harness was killed) at the next start. Same as --target docker:IMAGE.
 */
export interface DockerTarget {
  transport: 'docker';
  description?: string;
  image: string;
  /**
   * Replaces the image's CMD.
   */
  command?: string[];
  /**
   * uid:gid or a user name; default: the image's USER.
   */
  user?: string;
  env?: EnvMap;
  /**
   * Docker HostConfig passed to the engine as given, to harden or weaken the executor's container (NetworkMode is none unless set).
   */
  hostConfig?: {};
  tenants?: Tenants;
  canaries?: CanarySettings;
  policy?: PolicyOverrides;
}
export interface RunDefaults {
  /**
   * Folder of the scenario corpus, relative to the config file (default: the scenarios folder shipped with Gauntlet).
   */
  scenarios?: string;
  workers?: number;
  retries?: number;
  /**
   * Added to a step's wallTimeMs to make the harness's deadline for the answer.
   */
  graceMs?: number;
  /**
   * Conformance profiles to judge (what --profile sets): names of profiles shipped in Gauntlet's profiles/ folder, or paths (relative to the config file) of profile files. ["none"] judges no profile. Default: ["core"].
   *
   * @minItems 1
   */
  profiles?: [string, ...string[]];
  /**
   * Folder of the reports, relative to the working directory (default reports/latest).
   */
  outputDir?: string;
  policy?: PolicyOverrides;
}
/**
 * How the SARIF report (results.sarif) lands in GitHub code scanning.
 */
export interface SarifSettings {
  /**
   * The file of your repository that code-scanning alerts point at, relative to this config file (default: this config file). Findings are about the executor, not a line of code, so they need a file you own: the config, the executor's entry point or a SECURITY.md.
   */
  location?: string;
  /**
   * The code-scanning category (SARIF runAutomationDetails.id is CATEGORY/RUN-ID), so that several targets or matrix jobs of one commit keep separate alerts. --sarif-category overrides it; default gauntlet/TARGET.
   */
  category?: string;
}

/** Every definition of the config schemas by name, for typed validation. */
export interface ConfigDefs {
  CanarySettings: CanarySettings;
  Config: Config;
  DockerTarget: DockerTarget;
  EnvMap: EnvMap;
  RunDefaults: RunDefaults;
  SarifSettings: SarifSettings;
  StdioTarget: StdioTarget;
  Target: Target;
  Tenants: Tenants;
  WebSocketTarget: WebSocketTarget;
}

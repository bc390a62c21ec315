/**
 * The package entry (`import { defineConfig } from 'gauntlet'`): what a project's config file and
 * scripts that read Gauntlet's reports need. The CLI is the `gauntlet` binary.
 */
export { defineConfig } from './config/define-config.js';
export type {
  Config,
  DockerTarget,
  RunDefaults,
  SarifSettings,
  StdioTarget,
  Target,
  Tenants,
  WebSocketTarget,
} from './config/generated/types.js';
export type { GateConfig } from './gate/generated/types.js';
export type { CaseResult, Report } from './report/generated/types.js';

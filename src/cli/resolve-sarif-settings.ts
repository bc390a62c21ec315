import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoadedConfig } from '../config/load-config.js';
import { configValidator } from '../config/config-validator.js';
import { HarnessError, HarnessErrorCode } from '../errors/harness-error.js';
import type { SarifSettings } from '../reporters/sarif-settings.js';
import { formatIssues } from '../validation/schema-validator.js';

/** What decides where SARIF results point. */
export interface SarifInputs {
  cwd: string;
  config: LoadedConfig | undefined;
  /** --sarif-category, which outranks the config's sarif.category. */
  category?: string | undefined;
  /** The run's target name, to point at the line that defines it in the config. */
  targetName?: string | undefined;
  env?: NodeJS.ProcessEnv;
}

/**
 * Picks the user's file that code-scanning alerts point at, relative to the user's repository:
 * the config's sarif.location, else the config file, else (no config) the GitHub workflow that
 * ran Gauntlet, else gauntlet.config.json in the working directory (the file a project would add).
 */
export function resolveSarifSettings(inputs: SarifInputs): SarifSettings {
  const env = inputs.env ?? process.env;
  const { config } = inputs;
  if (inputs.category !== undefined) {
    const check = configValidator().validate('SarifSettings', { category: inputs.category });
    if (!check.ok)
      throw new HarnessError(
        HarnessErrorCode.ConfigInvalid,
        `not a code-scanning category: ${formatIssues(check.issues)}`,
        '--sarif-category',
      );
  }
  const located = config?.config.sarif?.location;
  const file =
    located && config
      ? resolve(config.dir, located)
      : (config?.file ?? workflowFile(env) ?? join(inputs.cwd, 'gauntlet.config.json'));
  const root = repositoryRoot(dirname(file)) ?? env['GITHUB_WORKSPACE'] ?? inputs.cwd;
  const path = relative(root, file);
  const inside = path !== '' && !path.startsWith('..') && !isAbsolute(path);
  const startLine = config && file === config.file && inputs.targetName ? definitionLine(file, inputs.targetName) : 1;
  const category = inputs.category ?? config?.config.sarif?.category;
  return {
    location: { uri: inside ? path.split(sep).map(encodeURIComponent).join('/') : pathToFileURL(file).href, startLine },
    ...(inside ? { rootUri: pathToFileURL(root).href.replace(/\/?$/, '/') } : {}),
    ...(category ? { category } : {}),
  };
}

/** The workflow file of a GitHub Actions run (GITHUB_WORKFLOW_REF is owner/repo/PATH@REF). */
function workflowFile(env: NodeJS.ProcessEnv): string | undefined {
  const match = /^[^/]+\/[^/]+\/(.+?)@/.exec(env['GITHUB_WORKFLOW_REF'] ?? '');
  const workspace = env['GITHUB_WORKSPACE'];
  return match && workspace ? join(workspace, match[1]!) : undefined;
}

/** The nearest folder at or above `dir` holding a .git folder or file (a worktree or submodule). */
function repositoryRoot(dir: string): string | undefined {
  for (let at = resolve(dir); ; at = dirname(at)) {
    if (existsSync(join(at, '.git'))) return at;
    if (dirname(at) === at) return undefined;
  }
}

/** The first line naming the target as a key ("name": or name:), else 1. */
function definitionLine(file: string, name: string): number {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return 1;
  }
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const key = new RegExp(`(["'\`]${escaped}["'\`]|(^|[\\s{,])${escaped})\\s*:`);
  const index = text.split('\n').findIndex((line) => key.test(line));
  return index < 0 ? 1 : index + 1;
}

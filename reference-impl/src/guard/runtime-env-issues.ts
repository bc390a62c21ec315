import type { Policy, ValidationIssue } from '../../../src/protocol/generated/types.js';

/**
 * Names a runtime, the dynamic loader or a shell reads when it starts: a value pointing at a file
 * the code wrote earlier (a session keeps its files) runs that file inside the next execution's
 * runtime before any sandbox code of the executor does (`NODE_OPTIONS=--require`, `BASH_ENV`,
 * `PYTHONPATH` with a `sitecustomize.py`, `LD_PRELOAD`). They are refused, whatever the backend,
 * since a backend that happens to ignore them today may start runtimes with the policy's
 * environment tomorrow.
 */
const PREFIXES = ['LD_', 'DYLD_', 'NODE_', 'DENO_', 'PYTHON', 'BASH_FUNC_', 'GCONV_', 'PERL5', 'RUBY'];
const NAMES = new Set([
  'BASH_ENV',
  'ENV',
  'SHELLOPTS',
  'BASHOPTS',
  'PS4',
  'PROMPT_COMMAND',
  'GLIBC_TUNABLES',
  'LOCPATH',
  'HOSTALIASES',
  'JAVA_TOOL_OPTIONS',
  'V8_FLAGS',
]);
const MESSAGE = 'a runtime, loader or shell acts on this name when it starts; the executor refuses it';

/** True for a name a runtime, the loader or a shell reads at start. */
function actsAtStart(name: string): boolean {
  const upper = name.toUpperCase();
  return NAMES.has(upper) || PREFIXES.some((prefix) => upper.startsWith(prefix));
}

/** One issue (pointer `/policy/env/NAME`) per environment name a runtime would act on at start. */
export function runtimeEnvIssues(env: Policy['env']): ValidationIssue[] {
  return Object.keys(env ?? {})
    .filter(actsAtStart)
    .map((name) => ({ pointer: `/policy/env/${name.replaceAll('~', '~0').replaceAll('/', '~1')}`, message: MESSAGE }));
}

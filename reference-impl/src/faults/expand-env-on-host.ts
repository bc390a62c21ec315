import { execFileSync } from 'node:child_process';
import type { Policy } from '../../../src/protocol/generated/types.js';

/**
 * The env-shell-expansion fault: every policy env value is spliced into a host shell command
 * (`sh -c 'printf %s "VALUE"'`) to expand `$VAR` references before the sandbox gets it, as
 * executors that build their sandbox's start-up line as one string do. `$(…)`, backticks and
 * `;` in a request then run on the host, outside the sandbox, with the executor's rights.
 */
export function expandEnvOnHost(policy: Policy): Policy {
  if (!policy.env) return policy;
  const expand = (value: string) => {
    try {
      return execFileSync('/bin/sh', ['-c', `printf %s "${value}"`], { encoding: 'utf8', timeout: 5000 });
    } catch {
      return value;
    }
  };
  return { ...policy, env: Object.fromEntries(Object.entries(policy.env).map(([name, v]) => [name, expand(v ?? '')])) };
}

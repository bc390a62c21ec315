import type { Canary } from './canary.js';

/**
 * A token in the environment of the executor process. Only an executor started for the case can
 * carry a fresh one, so cases with this canary get a dedicated executor; targets Gauntlet does not
 * start need an operator-planted variable (canaries.env in the config), which is not fresh.
 */
export const envCanary: Canary = {
  kind: 'env',
  description: 'a token in the executor process environment',
  requires: [],
  variables: ['name'],
  unsupportedReason: (target) =>
    target.startedByGauntlet || target.settings.env
      ? undefined
      : 'the env canary needs an executor Gauntlet starts, or canaries.env in the target config',
  async plant({ tokens, target }) {
    const fixed = target.startedByGauntlet ? undefined : target.settings.env;
    const name = fixed?.name ?? `SECRET_${tokens.word('env-name', 10).toUpperCase()}`;
    const value = fixed?.value ?? tokens.token('env');
    return {
      kind: 'env',
      tokens: [{ kind: 'env', value, access: 'forbidden' }],
      variables: { name },
      ...(fixed ? {} : { executorEnv: { [name]: value } }),
      release: async () => undefined,
    };
  },
};

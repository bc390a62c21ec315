import type { Canary } from './canary.js';

/**
 * A token the code is given on purpose, in policy.env, and declared in policy.secrets: the code
 * may use it, but the executor must redact it from everything it sends back.
 */
export const secretCanary: Canary = {
  kind: 'secret',
  description: 'a declared secret given to the code, which must come back redacted',
  requires: [],
  variables: ['name'],
  unsupportedReason: () => undefined,
  async plant({ tokens }) {
    const name = `API_KEY_${tokens.word('secret-name', 8).toUpperCase()}`;
    const value = tokens.token('secret');
    return {
      kind: 'secret',
      tokens: [{ kind: 'secret', value, access: 'granted' }],
      variables: { name },
      policy: { env: { [name]: value }, secrets: [{ name: 'GAUNTLET_SECRET', value }] },
      release: async () => undefined,
    };
  },
};

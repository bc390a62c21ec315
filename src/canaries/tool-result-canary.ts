import type { Canary } from './canary.js';

/**
 * A host tool whose answer carries a declared secret: the code may call it and use the value,
 * but the executor must redact the value from everything it sends back.
 */
export const toolResultCanary: Canary = {
  kind: 'tool-result',
  description: 'a host tool whose answer carries a secret that must come back redacted',
  requires: ['tools'],
  variables: ['tool'],
  unsupportedReason: () => undefined,
  async plant({ tokens }) {
    const tool = `fetch_credentials_${tokens.word('tool-name', 6)}`;
    const value = tokens.token('tool-result');
    return {
      kind: 'tool-result',
      tokens: [{ kind: 'tool-result', value, access: 'granted' }],
      variables: { tool },
      policy: {
        secrets: [{ name: 'GAUNTLET_TOOL_SECRET', value }],
        tools: [
          {
            name: tool,
            description: 'Returns the credentials of the deployment.',
            inputSchema: { type: 'object' },
            timeoutMs: 5000,
          },
        ],
      },
      tools: { [tool]: () => ({ value: { secret: value, note: 'handle with care' } }) },
      release: async () => undefined,
    };
  },
};

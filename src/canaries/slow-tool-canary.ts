import type { ToolCallResult } from '../protocol/generated/types.js';
import type { Canary } from './canary.js';

/** The timeout the tool declares: far inside any budget a scenario gives the execution. */
export const SLOW_TOOL_TIMEOUT_MS = 500;
/** When the harness answers a call, unless the case ends first: far beyond the tool's own timeout. */
export const SLOW_TOOL_ANSWER_MS = 20_000;

/**
 * A host tool that declares a short `timeoutMs` and that the harness answers only long after it:
 * an executor that enforces each call's own deadline (protocol §8.4) gives the code a tool error
 * at about the timeout, one that ignores it keeps the code waiting for the harness (or to the
 * wall time). The harness clock times the difference. No token: nothing secret is planted.
 */
export const slowToolCanary: Canary = {
  kind: 'slow-tool',
  description: 'a host tool that answers long after its own timeout',
  requires: ['tools'],
  variables: ['tool'],
  unsupportedReason: () => undefined,
  async plant({ tokens }) {
    const tool = `slow_lookup_${tokens.word('slow-tool-name', 6)}`;
    const pending = new Set<() => void>();
    const answer = (): Promise<ToolCallResult> =>
      new Promise((resolve) => {
        const done = () => {
          clearTimeout(timer);
          pending.delete(done);
          resolve({ value: { answer: 'late' } });
        };
        // Unref'd: a call still waiting never keeps the harness process alive.
        const timer = setTimeout(done, SLOW_TOOL_ANSWER_MS);
        timer.unref();
        pending.add(done);
      });
    return {
      kind: 'slow-tool',
      tokens: [],
      variables: { tool },
      policy: {
        tools: [
          {
            name: tool,
            description: 'Looks something up in a slow back end.',
            inputSchema: { type: 'object' },
            timeoutMs: SLOW_TOOL_TIMEOUT_MS,
          },
        ],
      },
      tools: { [tool]: answer },
      release: async () => {
        for (const done of [...pending]) done();
      },
    };
  },
};

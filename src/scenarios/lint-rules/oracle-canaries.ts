import type { CanaryKind } from '../generated/types.js';
import type { ScenarioLintRule } from './scenario-lint-rule.js';

/**
 * Oracles that judge canaries have canaries to judge: no-listener-contact and no-life-after-stop
 * need the listener, redacted a declared secret, no-canary-leak at least one canary (and only
 * declared ones).
 */
export const oracleCanaries: ScenarioLintRule = {
  rule: 'oracle-canaries',
  check({ scenario }) {
    const declared = new Set<CanaryKind>(scenario.canaries);
    return scenario.expect.flatMap((expectation, index) => {
      const pointer = `/expect/${index}`;
      switch (expectation.oracle) {
        case 'no-listener-contact':
        case 'no-life-after-stop':
          return declared.has('listener')
            ? []
            : [{ pointer, message: `${expectation.oracle} needs the listener canary in canaries` }];
        case 'redacted': {
          const wanted = expectation.canaries ?? (['secret', 'tool-result'] as const);
          return wanted.some((k) => declared.has(k))
            ? []
            : [{ pointer, message: 'redacted needs the secret or tool-result canary in canaries' }];
        }
        case 'no-canary-leak': {
          const wanted = expectation.canaries ?? [...declared];
          if (wanted.length === 0)
            return [{ pointer, message: 'no-canary-leak needs at least one canary in canaries' }];
          return wanted
            .filter((k) => !declared.has(k))
            .map((k) => ({
              pointer: `${pointer}/canaries`,
              message: `canary "${k}" is not in the scenario's canaries`,
            }));
        }
        default:
          return [];
      }
    });
  },
};

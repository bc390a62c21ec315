import { HarnessError, HarnessErrorCode } from '../errors/harness-error.js';
import type { Language } from '../protocol/generated/types.js';
import type { Canary, ExecutorAccess } from './canary.js';

/** Code that keeps the token in the victim session's state, per language. */
const storeCode: Record<Language, (token: string) => string> = {
  javascript: (t) => `globalThis.gauntletVictimSecret = ${JSON.stringify(t)};\n"stored";`,
  typescript: (t) => `(globalThis as Record<string, unknown>).gauntletVictimSecret = ${JSON.stringify(t)};\n"stored";`,
  python: (t) => `gauntlet_victim_secret = ${JSON.stringify(t)}\n"stored"`,
  shell: (t) => `export GAUNTLET_VICTIM_SECRET=${t}\nprintf '%s' ${t} > gauntlet-victim-secret.txt\necho stored`,
};

/**
 * A token stored in a session of the victim tenant, created for the case. The attacker knows the
 * session's id and tenant (variables session and tenant) and must still not reach the token.
 */
export const tenantCanary: Canary = {
  kind: 'tenant',
  description: "a token in another tenant's session",
  requires: ['sessions'],
  variables: ['session', 'tenant'],
  unsupportedReason: () => undefined,
  async plant({ tokens, tenants, language }) {
    const value = tokens.token('tenant');
    const variables: Record<string, string> = { tenant: tenants.victim.tenantId };
    let destroy: (() => Promise<void>) | undefined;
    return {
      kind: 'tenant',
      tokens: [{ kind: 'tenant', value, access: 'forbidden' }],
      variables,
      async inject(executor: ExecutorAccess) {
        // 1. A session of the victim, with the state the attacker must not reach.
        const policy = executor.basePolicy;
        const sessionId = await executor.createSession(tenants.victim, language, policy);
        destroy = () => executor.destroySession(tenants.victim, sessionId);
        const result = await executor.execute({
          principal: tenants.victim,
          language,
          code: storeCode[language](value),
          sessionId,
          policy,
        });
        if (result.status !== 'ok') {
          throw new HarnessError(
            HarnessErrorCode.Internal,
            `could not plant the tenant canary: the victim's execution ended with ` +
              `${result.error.type}: ${result.error.message.slice(0, 200)}`,
          );
        }
        // 2. Only now does the attacker learn where it is.
        variables['session'] = sessionId;
      },
      release: async () => {
        await destroy?.().catch(() => undefined);
      },
    };
  },
};

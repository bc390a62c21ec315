import fc from 'fast-check';
import { askExecutor } from '../ask-executor.js';
import type { FuzzContext } from '../fuzz-context.js';
import { observeExecution } from '../fuzz-execution.js';
import { defineProperty } from '../fuzz-property.js';
import { held } from '../fuzz-verdict.js';
import { dialectOf, DISTINCT_PAYLOAD_LANGUAGES, payloadLanguage } from '../payloads/payload-language.js';
import { trivialCode } from '../payloads/session-code.js';
import {
  decodeCommand,
  encodeCommand,
  refusalShape,
  sessionCommandArbitraries,
  sessionPolicy,
  type SessionOp,
} from '../sessions/session-commands.js';
import { Contradiction, type SessionModel, type SessionReal, type TenantName } from '../sessions/session-model.js';

type Commands = Iterable<fc.AsyncCommand<SessionModel, SessionReal>>;

let probes = 0;

/** What each tenant is told about a session id that never existed: the yardstick for foreign ones. */
async function unknownRefusals(context: FuzzContext): Promise<SessionReal['unknown']> {
  const connection = await context.connection();
  const shapes = async (tenant: TenantName) => {
    const sessionId = `fz-no-such-session-${++probes}`;
    const principal = context.tenants[tenant];
    const language = payloadLanguage(context);
    const executed = await observeExecution(context, {
      principal,
      language,
      code: trivialCode(dialectOf(language)),
      sessionId,
      policy: sessionPolicy(context.basePolicy),
    });
    const destroyed = await askExecutor(
      connection,
      'session/destroy',
      { principal, sessionId },
      30_000,
      context.signal,
    );
    return { execute: refusalShape(executed.answer, sessionId), destroy: refusalShape(destroyed, sessionId) };
  };
  return { attacker: await shapes('attacker'), victim: await shapes('victim') };
}

/** Destroys what a sequence left alive, so the next sequence starts clean (and under the per-tenant cap). */
async function cleanUp(model: SessionModel, real: SessionReal): Promise<void> {
  const connection = await real.context.connection();
  for (const [slot, session] of model.slots) {
    if (!session.live) continue;
    await askExecutor(
      connection,
      'session/destroy',
      { principal: real.context.tenants[session.owner], sessionId: real.ids.get(slot)! },
      30_000,
      real.context.signal,
    );
  }
}

/**
 * Session isolation, model-based: random interleavings of create, set, get, destroy and
 * one-shot executions by two tenants over several sessions (values in globals and in session
 * files), run against the executor and a model of what each session holds. Another tenant's or a
 * destroyed session must answer exactly as one that never existed; a session sees only its own
 * values; a one-shot execution sees no one's. No observation may contradict the model.
 */
export const sessionIsolation = defineProperty<Commands>({
  name: 'session-isolation',
  title: 'sessions keep their state to themselves and their tenant (model-based)',
  stride: 'information-disclosure',
  severity: 'critical',
  tags: ['fuzz', 'sessions', 'tenancy', 'model-based'],
  remediation:
    'Give every session its own sandbox and directory, scope session ids to their tenant, and ' +
    'answer for foreign or destroyed sessions exactly as for unknown ones.',
  runs: 20,
  languages: DISTINCT_PAYLOAD_LANGUAGES,
  // The model covers session files too (filesystem: session), so the property needs that mode, as a scenario asking for
  // it would.
  unsupportedReason: ({ initialize }) => {
    if (!initialize.capabilities.sessions.supported) return 'the executor does not declare sessions';
    if (!initialize.capabilities.filesystem.includes('session'))
      return 'the executor does not declare filesystem-session, which the session model stores files in';
    return undefined;
  },
  arbitrary: ({ replayPath }) =>
    fc.commands(sessionCommandArbitraries, { maxCommands: 20, size: 'medium', ...(replayPath ? { replayPath } : {}) }),
  async check(commands, context) {
    const maxPerTenant = context.initialize.capabilities.sessions.maxPerTenant ?? 4;
    const model: SessionModel = { slots: new Map(), maxPerTenant: Math.min(maxPerTenant, 4) };
    const real: SessionReal = { context, ids: new Map(), unknown: await unknownRefusals(context) };
    try {
      await fc.asyncModelRun(() => ({ model, real }), commands);
    } catch (error) {
      if (!(error instanceof Contradiction)) throw error;
    } finally {
      await cleanUp(model, real);
    }
    return real.contradiction ?? held;
  },
  encode: (commands) => [...commands].map(encodeCommand),
  decode: (json) => (json as SessionOp[]).map(decodeCommand),
});

import { randomUUID } from 'node:crypto';
import { ErrorCodes } from '../../../src/protocol/generated/error-codes.js';
import type { Identity, Language, Policy } from '../../../src/protocol/generated/types.js';
import { RpcError } from '../../../src/protocol/rpc-error.js';
import type { SandboxHandle as Sandbox } from '../sandbox/sandbox-handle.js';

/** A session: one sandbox owned for its whole life, under a policy ceiling. */
export interface Session {
  id: string;
  owner: Identity;
  language: Language;
  policy: Policy;
  sandbox: Sandbox;
  /** Runs so far; numbers the session's runs so late tool calls can be told apart. */
  runs: number;
  busy: boolean;
}

/**
 * Sessions by id. Lookups are scoped to the caller's tenant: another tenant's session raises the
 * very same -32002 as an id that never existed (same message, no data), unless the leaky-errors
 * fault is on, in which case it says whose it is; with no-tenant-check, ownership is not checked.
 */
export class SessionRegistry {
  readonly #sessions = new Map<string, Session>();

  constructor(private readonly options: { checkTenant: boolean; leaky: boolean }) {}

  get all(): Session[] {
    return [...this.#sessions.values()];
  }

  countFor(tenantId: string): number {
    return this.all.filter((s) => s.owner.tenantId === tenantId).length;
  }

  add(session: Omit<Session, 'id' | 'runs' | 'busy'>): Session {
    const full: Session = { ...session, id: `s-${randomUUID()}`, runs: 0, busy: false };
    this.#sessions.set(full.id, full);
    return full;
  }

  /** Whether a session with this id exists, whoever owns it (never an answer to a caller: see get). */
  has(sessionId: string): boolean {
    return this.#sessions.has(sessionId);
  }

  /** The caller's session, or -32002. */
  get(tenantId: string, sessionId: string): Session {
    const session = this.#sessions.get(sessionId);
    if (session && (session.owner.tenantId === tenantId || !this.options.checkTenant)) return session;
    if (session && this.options.leaky)
      throw new RpcError(
        ErrorCodes.SessionNotFound,
        `Session ${sessionId} belongs to tenant ${session.owner.tenantId}`,
      );
    throw new RpcError(ErrorCodes.SessionNotFound, 'Session not found');
  }

  remove(sessionId: string): void {
    this.#sessions.delete(sessionId);
  }
}

import { createHash, randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { ErrorCodes } from '../../../src/protocol/generated/error-codes.js';
import type {
  AuditQueryParams,
  AuditQueryResult,
  ExecuteParams,
  ExecuteResult,
  Principal,
  SessionCreateParams,
  SessionCreateResult,
} from '../../../src/protocol/generated/types.js';
import type { Peer } from '../../../src/protocol/peer.js';
import { RpcError } from '../../../src/protocol/rpc-error.js';
import type { AuditLog, AuditRecord } from '../audit/audit-log.js';
import { executeInSandbox, internalFailure } from '../execution/execute-in-sandbox.js';
import { ExecutionTracker } from '../execution/execution-tracker.js';
import type { FaultSet } from '../faults/fault-registry.js';
import type { Authenticator } from '../guard/authenticator.js';
import { checkRequest, type BackendSupport } from '../guard/check-policy.js';
import { checkSessionPolicy } from '../guard/check-session-policy.js';
import type { RateLimiter } from '../guard/rate-limiter.js';
import type { ExecutorLog } from '../log/executor-log.js';
import type { Redactor } from '../redaction/redactor.js';
import type { SandboxHandle as Sandbox } from '../sandbox/sandbox-handle.js';
import { profileFor } from '../sandbox/sandbox-profile.js';
import type { WarmPool } from '../sandbox/warm-pool.js';
import { SessionRegistry, type Session } from '../sessions/session-registry.js';
import { ToolValidator } from '../tools/tool-validator.js';
import { MAX_SESSIONS_PER_TENANT, maximums } from './limits.js';
import { SharedSandboxes } from './shared-sandboxes.js';
import { wipeDirectory } from './wipe-directory.js';

/** How long the foreign-id-slow fault takes to load an existing session's record: a store round trip, not a map hit. */
const SLOW_RECORD_MS = 80;

export interface ExecutorServiceOptions {
  faults: FaultSet;
  authenticator: Authenticator;
  rateLimiter: RateLimiter;
  audit: AuditLog;
  pool: WarmPool;
  /** The redactor that knows the tenants' tokens; each execution adds its policy's secrets. */
  redactor: Redactor;
  log: ExecutorLog;
  sandboxDir: string;
  /** Languages and policies the sandboxes' backend supports (default: Deno's). */
  support?: BackendSupport;
  /** Waits until the backend has released what killed sandboxes still hold (containers being removed). */
  releaseBackend?: () => Promise<void>;
}

/**
 * The executor's behaviour behind the protocol, shared by every connection: executions, sessions,
 * audit and shutdown. Each public method is one request; faults of the request throw RpcError
 * (and are audited when they concern an execution), what the code causes is a result.
 */
export class ExecutorService {
  readonly #executions = new ExecutionTracker();
  readonly #sessions: SessionRegistry;
  readonly #shared = new SharedSandboxes();
  readonly #validator = new ToolValidator();
  /** Releases of used sandboxes whose code is already stopped, still under way (awaited at shutdown). */
  readonly #releasing = new Set<Promise<void>>();
  /** Sandboxes of destroyed sessions that the session-leftovers fault did not kill (killed at shutdown). */
  readonly #leftovers = new Set<Sandbox>();
  #seq = 0;
  #shuttingDown = false;

  constructor(private readonly o: ExecutorServiceOptions) {
    this.#sessions = new SessionRegistry({
      checkTenant: !o.faults.has('no-tenant-check'),
      leaky: o.faults.has('leaky-errors'),
    });
  }

  /** execute: steps 1-2 may refuse the request; from step 3 on, every outcome is a result. */
  async execute(params: ExecuteParams, peer: Peer, signal: AbortSignal): Promise<ExecuteResult> {
    // 1. Refuse what must not run, auditing the refusal.
    let session: Session | undefined;
    const executionId = params.executionId ?? `e-${randomUUID()}`;
    try {
      this.#admit(params.principal, true);
      checkRequest(params, this.#validator, this.o.faults, this.o.support);
      if (this.#executions.isRunning(params.principal.tenantId, executionId))
        throw RpcError.invalidParams(
          'Invalid params: /executionId is already in use',
          [{ pointer: '/executionId', message: 'an execution with this id is running' }],
          'duplicate_execution_id',
        );
      // foreign-id-slow: the record of an existing session is loaded (from a slow store) before its owner is checked.
      if (params.sessionId && this.o.faults.has('foreign-id-slow') && this.#sessions.has(params.sessionId))
        await delay(SLOW_RECORD_MS);
      if (params.sessionId) session = this.#session(params.principal.tenantId, params.sessionId);
      if (session) checkSessionPolicy(session.policy, params.policy, this.o.support);
      if (session?.busy && !this.o.faults.has('session-busy-ignored'))
        throw new RpcError(ErrorCodes.SessionBusy, 'Session busy: it is running another execution');
      if (this.#executions.size >= maximums.concurrentExecutions)
        throw new RpcError(ErrorCodes.RateLimited, 'Rate limited: too many executions at once', {
          reason: 'too_many_executions',
          retryAfterMs: 100,
        });
    } catch (error) {
      throw this.#auditRefusal(params, executionId, error);
    }
    // 2. Take the sandbox: the session's, or a fresh one from the pool.
    const controller = new AbortController();
    const onAbort = () => controller.abort();
    signal.addEventListener('abort', onAbort, { once: true });
    const redactor = this.o.redactor.with([...(session?.policy.secrets ?? []), ...(params.policy.secrets ?? [])]);
    let finish: (value?: unknown) => void = () => undefined;
    this.#executions.start(
      executionId,
      params.principal.tenantId,
      controller,
      new Promise((resolve) => (finish = resolve)),
    );
    if (session) session.busy = true;
    try {
      let sandbox: Sandbox;
      try {
        sandbox = session ? session.sandbox : await this.o.pool.acquire(profileFor(params.language, params.policy));
      } catch (error) {
        this.o.log.error('could not start a sandbox', error, redactor);
        return this.#audited(
          params,
          executionId,
          { result: internalFailure(executionId, 'no sandbox could be started'), redactions: 0, limitsHit: [] },
          redactor,
        );
      }
      // 3. Run, then 4. release or keep the sandbox, then 5. audit.
      const outcome = await executeInSandbox({
        params: session && this.o.faults.has('session-policy-ceiling') ? underSessionPolicy(params, session) : params,
        executionId,
        seq: ++this.#seq,
        sandbox,
        peer,
        redactor,
        validator: this.#validator,
        faults: this.o.faults,
        sandboxDir: this.o.sandboxDir,
        signal: controller.signal,
        audit: (r) => this.#append(r, redactor),
      });
      if (!session) {
        if (this.o.faults.has('reuse-sandbox') && outcome.stop === 'done') this.o.pool.giveBack(sandbox);
        else if (this.o.faults.has('abandon-on-stop') && outcome.stop !== 'done') this.#leftovers.add(sandbox);
        else await this.#release(sandbox);
      } else if (outcome.stop !== 'done') {
        await this.#endSession(session, 'its sandbox was stopped by a limit');
      } else if (session.policy.filesystem === 'ephemeral' && sandbox.workDir) {
        wipeDirectory(sandbox.workDir);
      }
      return this.#audited(params, executionId, outcome, redactor);
    } finally {
      if (session) session.busy = false;
      signal.removeEventListener('abort', onAbort);
      finish();
    }
  }

  /**
   * Kills a used sandbox. Where the kill stops its code at once, the answer need not wait for the
   * process to exit and its cgroup and folder to go (tens of ms for a Python sandbox): that goes
   * on in the background, and shutdown waits for it.
   */
  #release(sandbox: Sandbox): Promise<void> {
    const released = sandbox.kill();
    if (!sandbox.stopsOnKill) return released;
    this.#releasing.add(released);
    void released.finally(() => this.#releasing.delete(released));
    return Promise.resolve();
  }

  cancel(principal: Principal, executionId: string): boolean {
    this.#admit(principal, false);
    const tenantId =
      (this.o.faults.has('foreign-cancel') && this.#executions.tenantOf(executionId)) || principal.tenantId;
    return this.#executions.cancel(tenantId, executionId, !this.o.faults.has('cancel-ignored'));
  }

  async createSession(params: SessionCreateParams): Promise<SessionCreateResult> {
    this.#admit(params.principal, true);
    checkRequest(params, this.#validator, this.o.faults, this.o.support);
    if (this.#sessions.countFor(params.principal.tenantId) >= MAX_SESSIONS_PER_TENANT)
      throw new RpcError(
        ErrorCodes.RateLimited,
        `Rate limited: at most ${MAX_SESSIONS_PER_TENANT} sessions per tenant`,
        { reason: 'too_many_sessions', retryAfterMs: 1000 },
      );
    const profile = profileFor(params.language, params.policy);
    const sandbox = this.o.faults.has('shared-state')
      ? await this.#shared.get(profile, () => this.o.pool.acquire(profile))
      : await this.o.pool.acquire(profile);
    const session = this.#sessions.add({
      owner: { tenantId: params.principal.tenantId, userId: params.principal.userId },
      language: params.language,
      policy: params.policy,
      sandbox,
    });
    this.#append(
      {
        event: 'session.created',
        tenantId: session.owner.tenantId,
        userId: session.owner.userId,
        sessionId: session.id,
        language: params.language,
      },
      this.o.redactor,
    );
    return { sessionId: session.id };
  }

  async destroySession(principal: Principal, sessionId: string): Promise<void> {
    this.#admit(principal, false);
    await this.#endSession(this.#session(principal.tenantId, sessionId), 'destroyed on request');
  }

  queryAudit(params: AuditQueryParams): AuditQueryResult {
    this.#admit(params.principal, false);
    return this.o.audit.query(params);
  }

  /** Cancels executions, destroys sessions and releases every sandbox, and only then returns. */
  async shutdown(): Promise<void> {
    this.#shuttingDown = true;
    await this.#executions.cancelAll(5000);
    await Promise.all(this.#sessions.all.map((s) => this.#endSession(s, 'the executor shut down')));
    await this.#shared.close();
    await Promise.all([...this.#leftovers].map((sandbox) => sandbox.kill()));
    await Promise.all([...this.#releasing]);
    await this.o.pool.close();
    await this.o.releaseBackend?.();
  }

  /** Checks the principal (-32005 first, before anything else can leak) and the tenant's rate. */
  #admit(principal: Principal, counts: boolean): void {
    if (this.#shuttingDown) throw new RpcError(ErrorCodes.ShuttingDown, 'Shutting down: no new work is taken');
    if (!this.o.faults.has('no-tenant-check')) this.o.authenticator.check(principal);
    if (counts && !this.o.faults.has('no-rate-limit')) this.o.rateLimiter.take(principal.tenantId);
  }

  #session(tenantId: string, sessionId: string): Session {
    const session = this.#sessions.get(tenantId, sessionId);
    if (session.sandbox.exit) {
      void this.#endSession(session, 'its sandbox had exited');
      return this.#sessions.get(tenantId, sessionId);
    }
    return session;
  }

  async #endSession(session: Session, why: string): Promise<void> {
    this.#sessions.remove(session.id);
    if (this.o.faults.has('session-leftovers')) this.#leftovers.add(session.sandbox);
    else if (!this.#shared.holds(session.sandbox)) await session.sandbox.kill();
    this.#append(
      {
        event: 'session.destroyed',
        tenantId: session.owner.tenantId,
        userId: session.owner.userId,
        sessionId: session.id,
        detail: why,
      },
      this.o.redactor,
    );
  }

  #audited(
    params: ExecuteParams,
    executionId: string,
    outcome: { result: ExecuteResult; redactions: number; limitsHit: string[] },
    redactor: Redactor,
  ): ExecuteResult {
    const { result } = outcome;
    const skipped = result.status === 'error' && ['cancelled', 'validation'].includes(result.error.type);
    if (skipped && this.o.faults.has('audit-outcomes-partial')) return result;
    const id = this.#append(
      {
        event: 'execution',
        ...this.#about(params, executionId),
        status: result.status,
        ...(result.status === 'error' ? { errorType: result.error.type } : {}),
        limitsHit: outcome.limitsHit,
        redactions: outcome.redactions,
      },
      redactor,
    );
    return { ...result, auditIds: [...result.auditIds, ...(id ? [id] : [])] };
  }

  #auditRefusal(params: ExecuteParams, executionId: string, error: unknown): unknown {
    if (!(error instanceof RpcError)) return error;
    if (this.o.faults.has('audit-refusals-partial') && error.code !== ErrorCodes.SessionNotFound) return error;
    const id = this.#append(
      {
        event: 'execution.rejected',
        ...this.#about(params, executionId),
        status: 'rejected',
        errorCode: error.code,
        detail: error.message.slice(0, 1024),
      },
      this.o.redactor,
    );
    return id
      ? new RpcError(error.code, error.message, { ...error.data, auditIds: [...(error.data?.auditIds ?? []), id] })
      : error;
  }

  #about(
    params: ExecuteParams,
    executionId: string,
  ): Pick<AuditRecord, 'tenantId' | 'userId' | 'executionId' | 'sessionId' | 'language' | 'codeSha256'> {
    return {
      tenantId: params.principal.tenantId,
      userId: params.principal.userId,
      executionId,
      ...(params.sessionId ? { sessionId: params.sessionId } : {}),
      language: params.language,
      codeSha256: createHash('sha256').update(params.code).digest('hex'),
    };
  }

  #append(record: AuditRecord, redactor: Redactor): string | undefined {
    const redacted =
      record.detail === undefined ? record : { ...record, detail: redactor.redact(record.detail).text.slice(0, 1024) };
    try {
      return this.o.audit.append(redacted)?.id;
    } catch (error) {
      this.o.log.error('could not write the audit log', error);
      return undefined;
    }
  }
}

/**
 * The session-policy-ceiling fault: an execution in a session runs under the session's policy,
 * taking from the request only its tool list (the one member a scenario already checks).
 */
function underSessionPolicy(params: ExecuteParams, session: Session): ExecuteParams {
  const policy: ExecuteParams['policy'] = { ...session.policy };
  delete policy.tools;
  if (params.policy.tools) policy.tools = params.policy.tools;
  return { ...params, policy };
}

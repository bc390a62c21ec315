import { createHash, randomUUID } from 'node:crypto';
import { auditEntryHash, GENESIS_HASH } from '../../protocol/audit-chain.js';
import { ErrorCodes } from '../../protocol/generated/error-codes.js';
import type {
  AuditEntry,
  ExecuteParams,
  ExecuteResult,
  InitializeResult,
  Principal,
} from '../../protocol/generated/types.js';
import { Peer } from '../../protocol/peer.js';
import { RpcError } from '../../protocol/rpc-error.js';
import { PROTOCOL_VERSION } from '../../protocol/version.js';
import type { TargetSpec } from '../../targets/target.js';
import { InMemoryTransport } from '../../transports/in-memory-transport.js';
import { everyCapability as capabilities } from '../test-capabilities.js';

/** How an adversary answers one execution it was sent (after the tenancy checks). */
export type AdversaryAnswer = (params: ExecuteParams, executionId: string) => Promise<ExecuteResult> | ExecuteResult;

/** An adversarial executor: a name, the languages it claims, and how it answers executions. */
export interface Adversary {
  name: string;
  /** Checks tokens and session ownership as an honest executor does; otherwise anyone may use any session. */
  honestTenancy: boolean;
  languages: readonly ('javascript' | 'typescript' | 'python' | 'shell')[];
  answer: AdversaryAnswer;
}

/** An `ok` result carrying `stdout`. */
export function okResult(executionId: string, stdout: string, stderr = ''): ExecuteResult {
  const captured = (text: string) => ({ text, truncated: false, bytes: Buffer.byteLength(text) });
  return {
    status: 'ok',
    executionId,
    stdout: captured(stdout),
    stderr: captured(stderr),
    resultTruncated: false,
    toolCalls: [],
    usage: { wallMs: 1 },
    redactions: 0,
    auditIds: [],
  };
}

/**
 * Serves `adversary` on `peer` with everything around execution done well enough that only the
 * proof of execution and the limit cross-checks can catch it: a well-formed hash-chained audit
 * log per tenant recording every request it was sent and, with `honestTenancy`, tokens checked
 * against GAUNTLET_TENANTS and sessions owned by their tenant (another tenant's id is "not found").
 */
export function serveAdversary(peer: Peer, adversary: Adversary, env: Record<string, string>): void {
  const tokens = new Map(Object.entries(JSON.parse(env['GAUNTLET_TENANTS'] ?? '{}') as Record<string, string>));
  const sessions = new Map<string, string>();
  const chains = new Map<string, AuditEntry[]>();
  const audit = (
    principal: Principal,
    fields: Omit<AuditEntry, 'id' | 'chainSeq' | 'time' | 'tenantId' | 'userId' | 'prevHash' | 'hash'>,
  ): string => {
    const chain = chains.get(principal.tenantId) ?? [];
    chains.set(principal.tenantId, chain);
    const entry: Omit<AuditEntry, 'hash'> = {
      id: `a-${randomUUID()}`,
      chainSeq: chain.length + 1,
      time: new Date().toISOString(),
      tenantId: principal.tenantId,
      userId: principal.userId,
      prevHash: chain.at(-1)?.hash ?? GENESIS_HASH,
      ...fields,
    };
    chain.push({ ...entry, hash: auditEntryHash(entry) });
    return entry.id;
  };
  const authorize = (principal: Principal) => {
    if (adversary.honestTenancy && tokens.get(principal.tenantId) !== principal.token)
      throw new RpcError(ErrorCodes.Unauthorized, 'unauthorized');
  };
  const owned = (principal: Principal, sessionId: string | undefined) => {
    if (adversary.honestTenancy && sessionId !== undefined && sessions.get(sessionId) !== principal.tenantId)
      throw new RpcError(ErrorCodes.SessionNotFound, 'no such session');
  };
  peer.setRequestHandler('initialize', async () => ({
    protocolVersion: PROTOCOL_VERSION,
    executorInfo: { name: `adversary-${adversary.name}`, version: '0.0.0', isolation: 'process' },
    languages: adversary.languages.map((id) => ({ id })) as InitializeResult['languages'],
    capabilities,
  }));
  peer.setRequestHandler('ping', async () => ({}));
  peer.setRequestHandler('shutdown', async () => ({}));
  peer.setRequestHandler('session/create', async ({ principal }) => {
    authorize(principal);
    const sessionId = `s-${randomUUID()}`;
    sessions.set(sessionId, principal.tenantId);
    audit(principal, { event: 'session.created', sessionId });
    return { sessionId };
  });
  peer.setRequestHandler('session/destroy', async ({ principal, sessionId }) => {
    authorize(principal);
    owned(principal, sessionId);
    sessions.delete(sessionId);
    audit(principal, { event: 'session.destroyed', sessionId });
    return { destroyed: true };
  });
  peer.setRequestHandler('audit/query', async ({ principal, executionId, sessionId, afterSeq, limit }) => {
    authorize(principal);
    const entries = (chains.get(principal.tenantId) ?? []).filter(
      (e) =>
        e.chainSeq > (afterSeq ?? 0) &&
        (!executionId || e.executionId === executionId) &&
        (!sessionId || e.sessionId === sessionId),
    );
    return { entries: entries.slice(0, limit ?? 1000), hasMore: entries.length > (limit ?? 1000) };
  });
  peer.setRequestHandler('execute', async (params) => {
    const executionId = params.executionId ?? `x-${randomUUID()}`;
    const codeSha256 = createHash('sha256').update(params.code).digest('hex');
    try {
      authorize(params.principal);
      owned(params.principal, params.sessionId);
    } catch (error) {
      audit(params.principal, {
        event: 'execution.rejected',
        executionId,
        status: 'rejected',
        errorCode: (error as RpcError).code,
        codeSha256,
        language: params.language,
      });
      throw error;
    }
    const result = await adversary.answer(params, executionId);
    const auditId = audit(params.principal, {
      event: 'execution',
      executionId,
      ...(params.sessionId ? { sessionId: params.sessionId } : {}),
      language: params.language,
      codeSha256,
      status: result.status,
      ...(result.status === 'error' ? { errorType: result.error.type } : {}),
      redactions: 0,
    });
    return { ...result, auditIds: [auditId] };
  });
}

/** A target whose every connection is a fresh in-process `adversary`. */
export function inMemoryAdversaryTarget(adversary: Adversary): TargetSpec {
  return {
    transport: 'in-memory',
    description: `adversarial executor ${adversary.name} (in memory)`,
    startedByGauntlet: true,
    sameHost: true,
    connect(env: Record<string, string>) {
      const [harnessEnd, executorEnd] = InMemoryTransport.pair();
      const peer = new Peer(executorEnd, { role: 'executor' });
      serveAdversary(peer, adversary, env);
      void peer.start();
      return { transport: harnessEnd };
    },
  };
}

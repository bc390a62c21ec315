import { randomUUID } from 'node:crypto';
import { appendFileSync, closeSync, existsSync, fsyncSync, openSync, readFileSync } from 'node:fs';
import { auditEntryHash, GENESIS_HASH } from '../../../src/protocol/audit-chain.js';
import type { AuditEntry, AuditQueryParams, AuditQueryResult } from '../../../src/protocol/generated/types.js';

/** What a caller records; the log adds id, time, chain position and hashes. */
export type AuditRecord = Omit<AuditEntry, 'id' | 'chainSeq' | 'time' | 'prevHash' | 'hash'>;

const DEFAULT_QUERY_LIMIT = 100;

/**
 * The executor's append-only audit log: one JSON line per entry, each tenant's entries forming a
 * SHA-256 hash chain (see `src/protocol/audit-chain.ts`). Opening an existing file continues
 * every tenant's chain where it ended, so a restart with the same path keeps the chains whole.
 * The file lives in a folder no sandbox is granted.
 */
export class AuditLog {
  readonly #byTenant = new Map<string, AuditEntry[]>();

  private constructor(
    readonly path: string,
    private readonly enabled: boolean,
    private readonly readBack: boolean,
  ) {}

  /**
   * Opens (or creates) the log at `path`; with `enabled: false` nothing is ever written. With
   * `readBack` (the audit-writable fault) every query and append trusts the file again.
   */
  static open(path: string, enabled = true, readBack = false): AuditLog {
    const log = new AuditLog(path, enabled, readBack);
    if (!enabled) return log;
    if (existsSync(path)) {
      log.#load();
    } else {
      closeSync(openSync(path, 'a', 0o600));
    }
    return log;
  }

  /** Appends an entry to its tenant's chain, durably, and returns it. */
  append(record: AuditRecord): AuditEntry | undefined {
    if (!this.enabled) return undefined;
    if (this.readBack) this.#load();
    const chain = this.#chain(record.tenantId);
    const previous = chain.at(-1);
    const unhashed = {
      ...record,
      id: randomUUID(),
      chainSeq: (previous?.chainSeq ?? 0) + 1,
      time: new Date().toISOString(),
      prevHash: previous?.hash ?? GENESIS_HASH,
    };
    const entry: AuditEntry = { ...unhashed, hash: auditEntryHash(unhashed) };
    const fd = openSync(this.path, 'a', 0o600);
    try {
      appendFileSync(fd, `${JSON.stringify(entry)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    chain.push(entry);
    return entry;
  }

  /** The caller's tenant's entries, in chain order, filtered as asked. */
  query(params: AuditQueryParams): AuditQueryResult {
    if (this.readBack && this.enabled) this.#load();
    const limit = params.limit ?? DEFAULT_QUERY_LIMIT;
    const matching = (this.#byTenant.get(params.principal.tenantId) ?? []).filter(
      (e) =>
        e.chainSeq > (params.afterSeq ?? 0) &&
        (params.executionId === undefined || e.executionId === params.executionId) &&
        (params.sessionId === undefined || e.sessionId === params.sessionId),
    );
    return { entries: matching.slice(0, limit), hasMore: matching.length > limit };
  }

  /** (Re)reads every tenant's chain from the file. */
  #load(): void {
    this.#byTenant.clear();
    for (const line of readFileSync(this.path, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const entry = JSON.parse(line) as AuditEntry;
      this.#chain(entry.tenantId).push(entry);
    }
  }

  #chain(tenantId: string): AuditEntry[] {
    let chain = this.#byTenant.get(tenantId);
    if (!chain) this.#byTenant.set(tenantId, (chain = []));
    return chain;
  }
}

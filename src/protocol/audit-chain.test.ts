import { describe, expect, it } from 'vitest';
import { auditEntryHash, GENESIS_HASH, verifyAuditChain } from './audit-chain.js';
import { canonicalJson } from './canonical-json.js';
import type { AuditEntry } from './generated/types.js';

function chain(n: number): AuditEntry[] {
  const entries: AuditEntry[] = [];
  let prevHash = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const body = {
      id: `a-${i}`,
      chainSeq: i,
      time: '2026-11-23T09:00:00.000Z',
      event: 'execution' as const,
      tenantId: 't',
      userId: 'u',
      status: 'ok',
      prevHash,
    };
    const entry = { ...body, hash: auditEntryHash(body) };
    entries.push(entry);
    prevHash = entry.hash;
  }
  return entries;
}

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: true, y: null }], c: 'x' }, e: undefined })).toBe(
      '{"a":{"c":"x","d":[1,{"y":null,"z":true}]},"b":1}',
    );
  });
});

describe('verifyAuditChain', () => {
  it('accepts an intact chain', () => {
    expect(verifyAuditChain(chain(5))).toEqual([]);
  });

  it('detects an edited entry', () => {
    const entries = chain(3);
    entries[1] = { ...entries[1]!, status: 'error' };
    expect(verifyAuditChain(entries).map((b) => [b.index, b.problem])).toEqual([[1, 'hash-mismatch']]);
  });

  it('detects a removed entry', () => {
    const entries = chain(4);
    entries.splice(2, 1);
    expect(verifyAuditChain(entries).map((b) => b.problem)).toEqual(['prev-hash-mismatch', 'sequence-gap']);
  });

  it('detects a re-hashed forgery that breaks the link to its successor', () => {
    const entries = chain(3);
    const forged = { ...entries[1]!, status: 'error' };
    entries[1] = { ...forged, hash: auditEntryHash(forged) };
    expect(verifyAuditChain(entries).map((b) => [b.index, b.problem])).toEqual([[2, 'prev-hash-mismatch']]);
  });
});

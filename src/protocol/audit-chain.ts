import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';
import type { AuditEntry } from './generated/types.js';

/** prevHash of the first entry of a chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** The hash an entry must carry: SHA-256 of the canonical JSON of the entry without `hash`. */
export function auditEntryHash(entry: Omit<AuditEntry, 'hash'> & { hash?: string }): string {
  const { hash: _ignored, ...rest } = entry;
  return createHash('sha256').update(canonicalJson(rest)).digest('hex');
}

/** Where and why a chain fails verification. */
export interface ChainBreak {
  /** Index in the list given to {@link verifyAuditChain}. */
  index: number;
  entryId: string;
  problem: 'hash-mismatch' | 'prev-hash-mismatch' | 'sequence-gap' | 'mixed-tenants';
  detail: string;
}

/**
 * Verifies one tenant's chain, in chainSeq order: each entry's hash matches its content, each
 * prevHash equals the previous entry's hash, and chainSeq counts up without gaps. Pass
 * `startAfter` to verify a slice that continues an already verified prefix.
 */
export function verifyAuditChain(
  entries: readonly AuditEntry[],
  startAfter?: { chainSeq: number; hash: string },
): ChainBreak[] {
  const breaks: ChainBreak[] = [];
  let previous = startAfter ?? { chainSeq: 0, hash: GENESIS_HASH };
  const tenant = entries[0]?.tenantId;
  entries.forEach((entry, index) => {
    const at = { index, entryId: entry.id };
    if (entry.tenantId !== tenant)
      breaks.push({ ...at, problem: 'mixed-tenants', detail: `entry of ${entry.tenantId} in the chain of ${tenant}` });
    const expected = auditEntryHash(entry);
    if (entry.hash !== expected)
      breaks.push({
        ...at,
        problem: 'hash-mismatch',
        detail: `hash ${entry.hash} but the content hashes to ${expected}`,
      });
    if (entry.prevHash !== previous.hash)
      breaks.push({
        ...at,
        problem: 'prev-hash-mismatch',
        detail: `prevHash ${entry.prevHash} but the previous entry's hash is ${previous.hash}`,
      });
    if (entry.chainSeq !== previous.chainSeq + 1)
      breaks.push({
        ...at,
        problem: 'sequence-gap',
        detail: `chainSeq ${entry.chainSeq} follows ${previous.chainSeq}`,
      });
    previous = { chainSeq: entry.chainSeq, hash: entry.hash };
  });
  return breaks;
}

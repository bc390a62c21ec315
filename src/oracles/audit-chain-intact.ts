import { verifyAuditChain } from '../protocol/audit-chain.js';
import type { AuditEntry } from '../protocol/generated/types.js';
import { makeFinding } from './make-finding.js';
import type { OracleFor } from './oracle.js';

/** Pages read at most, so an executor that always says hasMore cannot keep the harness forever. */
const MAX_PAGES = 100;

/** The attacker's chain, read in full after the steps. */
interface ChainRead {
  entries: AuditEntry[];
  error?: string;
  at: number;
}

/** The attacker tenant's whole audit chain verifies, from its first entry to its last. */
export const auditChainIntact: OracleFor<'audit-chain-intact'> = {
  name: 'audit-chain-intact',
  description: "the tenant's audit hash chain verifies end to end",
  requires: ['audit', 'audit-hash-chain'],
  async collect(context): Promise<ChainRead> {
    const entries: AuditEntry[] = [];
    try {
      for (let page = 0; page < MAX_PAGES; page++) {
        const afterSeq = entries.at(-1)?.chainSeq ?? 0;
        const answer = await context.request(
          'audit/query',
          { principal: context.attacker, afterSeq, limit: 1000 },
          10_000,
        );
        entries.push(...answer.entries);
        if (!answer.hasMore || answer.entries.length === 0) break;
      }
      return { entries, at: Date.now() };
    } catch (error) {
      return { entries, error: (error as Error).message, at: Date.now() };
    }
  },
  judge(observation) {
    const read = observation.collected['audit-chain-intact'] as ChainRead | undefined;
    if (!read) return [];
    if (read.error)
      return [
        makeFinding('audit-chain-intact', `the audit chain could not be read: ${read.error}`, read.at, {
          channel: 'audit',
        }),
      ];
    if (read.entries.length === 0 && observation.steps.some((s) => s.answer.kind === 'result')) {
      return [
        makeFinding('audit-chain-intact', "the attacker's audit chain is empty although it ran executions", read.at, {
          channel: 'audit',
        }),
      ];
    }
    return verifyAuditChain(read.entries).map((hole) =>
      makeFinding(
        'audit-chain-intact',
        `the audit chain breaks at entry ${hole.entryId} (${hole.problem}): ${hole.detail}`,
        read.at,
        { channel: 'audit', excerpt: JSON.stringify(read.entries[hole.index]), observed: hole.problem },
      ),
    );
  },
};

import { createHash } from 'node:crypto';
import { canonicalJson } from '../protocol/canonical-json.js';
import type { ReportIntegrity } from './generated/types.js';

/** The name of the digest rule, stored in `integrity.algorithm`. */
export const REPORT_DIGEST_ALGORITHM = 'sha256-canonical-json';

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * The digests of a report (a parsed report.json, or a report as it will be written): the digest
 * of the canonical JSON of every member but `integrity` together, and of each member and each
 * case alone. Only the first binds; the others let a checker say which member changed. A member
 * added later to the schema is covered without any change here.
 */
export function reportDigests(report: object): Omit<ReportIntegrity, 'signature'> {
  const { integrity: _integrity, ...content } = report as Record<string, unknown>;
  const cases = Array.isArray(content['cases']) ? (content['cases'] as unknown[]) : [];
  return {
    algorithm: REPORT_DIGEST_ALGORITHM,
    digest: sha256(canonicalJson(content)),
    members: Object.fromEntries(
      Object.entries(content)
        .filter(([, v]) => v !== undefined)
        .map(([name, v]) => [name, sha256(canonicalJson(v))]),
    ),
    cases: cases.map((c) => sha256(canonicalJson(c === undefined ? null : c))),
  };
}

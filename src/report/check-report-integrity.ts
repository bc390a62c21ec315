import { reportDigests, REPORT_DIGEST_ALGORITHM } from './report-digest.js';
import type { ReportVerifier } from './report-keys.js';

/** What a check of a report's integrity found; `reason` is one line. */
export type IntegrityCheck =
  | { status: 'intact'; digest: string; signedBy?: string; signatureChecked: boolean }
  | { status: 'legacy'; reason: string }
  | { status: 'broken'; reason: string };

function record(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/**
 * The members whose digests differ from the ones recorded: the first changed case by index
 * first (what a forger is after), then the other members in the report's order and the removed
 * ones. The recorded digests are only a locator: when they were edited too, the answer says so.
 */
function mismatches(report: Record<string, unknown>, recorded: Record<string, unknown>): string {
  const actual = reportDigests(report);
  const members = record(recorded['members']) ?? {};
  const names = [...new Set(['cases', ...Object.keys(actual.members), ...Object.keys(members)])].filter(
    (name) => actual.members[name] !== members[name],
  );
  const found = names.map((name) => {
    if (!(name in actual.members)) return `${name} (removed)`;
    if (!(name in members)) return `${name} (added)`;
    if (name !== 'cases') return name;
    const cases = Array.isArray(recorded['cases']) ? (recorded['cases'] as unknown[]) : [];
    const index = actual.cases.findIndex((digest, i) => digest !== cases[i]);
    if (index < 0) return `cases (${cases.length} recorded, ${actual.cases.length} present)`;
    const id = record(record((report['cases'] as unknown[])[index])?.['case'])?.['id'];
    return `cases[${index}]${typeof id === 'string' ? ` (${JSON.stringify(id.slice(0, 200))})` : ''}`;
  });
  return found.length
    ? found.slice(0, 5).join(', ') + (found.length > 5 ? ` and ${found.length - 5} more` : '')
    : 'integrity (the recorded member digests were edited)';
}

/**
 * Checks a parsed report.json against its `integrity` member, before any other reading of it:
 * 1. no member: a legacy report (written before reports were sealed), or one stripped of it;
 * 2. the digest over everything else must match; if not, names the first member that changed;
 * 3. with a verifier, the report must be signed by that key and the signature must hold.
 */
export function checkReportIntegrity(value: unknown, verifier?: ReportVerifier): IntegrityCheck {
  const report = record(value);
  if (!report) return { status: 'broken', reason: 'not a JSON object' };
  // 1. Sealed at all?
  const integrity = record(report['integrity']);
  if (report['integrity'] === undefined)
    return {
      status: 'legacy',
      reason: 'has no integrity digest (written before reports were sealed, or stripped of it)',
    };
  if (!integrity || integrity['algorithm'] !== REPORT_DIGEST_ALGORITHM || typeof integrity['digest'] !== 'string')
    return { status: 'broken', reason: `integrity: not a ${REPORT_DIGEST_ALGORITHM} digest` };
  // 2. Digest.
  const digest = reportDigests(report).digest;
  if (digest !== integrity['digest'])
    return {
      status: 'broken',
      reason: `digest mismatch at ${mismatches(report, integrity)}: the report was changed after it was written`,
    };
  // 3. Signature.
  const signature = record(integrity['signature']);
  const signedBy = typeof signature?.['keyId'] === 'string' ? signature['keyId'] : undefined;
  if (!verifier) return { status: 'intact', digest, ...(signedBy ? { signedBy } : {}), signatureChecked: false };
  if (!signature) return { status: 'broken', reason: `not signed; a signature by key ${verifier.keyId} is required` };
  if (signedBy !== verifier.keyId)
    return { status: 'broken', reason: `signed by key ${String(signedBy)}, not by the required key ${verifier.keyId}` };
  if (typeof signature['value'] !== 'string' || !verifier.verify(digest, signature['value']))
    return { status: 'broken', reason: `the signature by key ${verifier.keyId} does not match the digest` };
  return { status: 'intact', digest, signedBy, signatureChecked: true };
}

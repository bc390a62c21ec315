import type { Report } from './generated/types.js';
import { reportDigests } from './report-digest.js';
import type { ReportSigner } from './report-keys.js';

/**
 * The report with its `integrity` member (re)computed: the digest over everything else and,
 * with a signer, an Ed25519 signature of it. The digest is taken over the report as it will be
 * read back (a JSON round trip), so values JSON drops or rewrites cannot make writer and
 * checker disagree.
 */
export function sealReport(report: Report, signer?: ReportSigner): Report {
  const { integrity: _old, ...content } = JSON.parse(JSON.stringify(report)) as Report;
  const digests = reportDigests(content);
  return {
    ...content,
    integrity: {
      ...digests,
      ...(signer
        ? { signature: { algorithm: 'ed25519', keyId: signer.keyId, value: signer.sign(digests.digest) } }
        : {}),
    },
  };
}

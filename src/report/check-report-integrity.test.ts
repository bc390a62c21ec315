import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fixtureReport } from '../testing/fixtures/reports/fixture-report.js';
import { checkReportIntegrity } from './check-report-integrity.js';
import type { Report } from './generated/types.js';
import { loadPublicKey, loadSigningKey } from './report-keys.js';
import { sealReport } from './seal-report.js';

function keyPair() {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    signer: loadSigningKey(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()),
    verifier: loadPublicKey(publicKey.export({ type: 'spki', format: 'pem' }).toString()),
  };
}

/** The report as a reader gets it back from disk. */
const reread = (report: Report) => JSON.parse(JSON.stringify(report)) as Report;

describe('report integrity', () => {
  const sealed = sealReport(fixtureReport({ statusOf: (i) => (i === 17 ? 'failed' : 'passed') }));

  it('a sealed report checks intact; a legacy one is told apart', () => {
    expect(checkReportIntegrity(reread(sealed))).toMatchObject({
      status: 'intact',
      digest: sealed.integrity!.digest,
      signatureChecked: false,
    });
    const { integrity: _, ...legacy } = reread(sealed);
    expect(checkReportIntegrity(legacy).status).toBe('legacy');
  });

  it('names the case that was flipped, and other members that changed', () => {
    const flipped = reread(sealed);
    flipped.cases[17]!.outcome = { status: 'passed' };
    expect(checkReportIntegrity(flipped)).toEqual({
      status: 'broken',
      reason:
        `digest mismatch at cases[17] (${JSON.stringify(flipped.cases[17]!.case.id)}): ` +
        'the report was changed after it was written',
    });
    const summary = reread(sealed);
    summary.summary.all.passed += 1;
    expect(checkReportIntegrity(summary)).toMatchObject({
      reason: expect.stringMatching(/^digest mismatch at summary:/),
    });
    const gate = reread(sealed);
    gate.gate.passed = !gate.gate.passed;
    expect(checkReportIntegrity(gate)).toMatchObject({ reason: expect.stringMatching(/^digest mismatch at gate:/) });
    const dropped = reread(sealed);
    dropped.cases.splice(17, 1);
    expect(checkReportIntegrity(dropped)).toMatchObject({
      reason: expect.stringMatching(/^digest mismatch at cases\[17\]/),
    });
    // A member no schema knows yet is covered too.
    const added = { ...reread(sealed), profiles: { x: 1 } };
    expect(checkReportIntegrity(added)).toMatchObject({
      reason: expect.stringMatching(/^digest mismatch at profiles \(added\):/),
    });
  });

  it('a re-sealed edit passes the digest but not the signature check', () => {
    const { signer, verifier } = keyPair();
    const signed = reread(sealReport(sealed, signer));
    expect(signed.integrity!.signature).toMatchObject({ algorithm: 'ed25519', keyId: signer.keyId });
    expect(checkReportIntegrity(signed, verifier)).toMatchObject({
      status: 'intact',
      signedBy: verifier.keyId,
      signatureChecked: true,
    });
    const other = keyPair();
    expect(checkReportIntegrity(signed, other.verifier)).toMatchObject({
      status: 'broken',
      reason: `signed by key ${signer.keyId}, not by the required key ${other.verifier.keyId}`,
    });
    // An attacker who cannot read the key re-seals the flipped report and keeps the old signature.
    const forged = reread(signed);
    forged.cases[17]!.outcome = { status: 'passed' };
    forged.integrity = { ...sealReport(forged).integrity!, signature: signed.integrity!.signature! };
    expect(checkReportIntegrity(forged).status).toBe('intact');
    expect(checkReportIntegrity(forged, verifier)).toMatchObject({
      status: 'broken',
      reason: `the signature by key ${verifier.keyId} does not match the digest`,
    });
    expect(checkReportIntegrity(reread(sealed), verifier)).toMatchObject({
      status: 'broken',
      reason: `not signed; a signature by key ${verifier.keyId} is required`,
    });
  });

  it('refuses keys that are not Ed25519', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    expect(() => loadSigningKey(rsa)).toThrow(/a rsa key; report signing needs an Ed25519 private key/);
  });
});

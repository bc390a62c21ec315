import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { HarnessError, HarnessErrorCode } from '../errors/harness-error.js';

/** An Ed25519 private key that signs report digests. */
export interface ReportSigner {
  keyId: string;
  sign(digest: string): string;
}

/** An Ed25519 public key that checks report signatures. */
export interface ReportVerifier {
  keyId: string;
  verify(digest: string, signature: string): boolean;
}

/** What is signed: the digest, with a prefix so the signature cannot be replayed as another kind of message. */
function signedBytes(digest: string): Buffer {
  return Buffer.from(`gauntlet-report-digest:${digest}`, 'utf8');
}

/** `sha256:` and 32 hex digits of the SHA-256 of the public key's SPKI DER. */
export function keyIdOf(publicKey: KeyObject): string {
  return `sha256:${createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 32)}`;
}

function readPem(source: string, what: string): { pem: string; where: string } {
  if (source.trimStart().startsWith('-----BEGIN')) return { pem: source, where: what };
  try {
    return { pem: readFileSync(source, 'utf8'), where: source };
  } catch (error) {
    throw new HarnessError(HarnessErrorCode.ConfigInvalid, `cannot read the key: ${(error as Error).message}`, source, {
      cause: error,
    });
  }
}

function ed25519(load: () => KeyObject, where: string, kind: string): KeyObject {
  let key: KeyObject;
  try {
    key = load();
  } catch (error) {
    throw new HarnessError(
      HarnessErrorCode.ConfigInvalid,
      `not a PEM ${kind} key: ${(error as Error).message}`,
      where,
      { cause: error },
    );
  }
  if (key.asymmetricKeyType !== 'ed25519')
    throw new HarnessError(
      HarnessErrorCode.ConfigInvalid,
      `a ${key.asymmetricKeyType ?? 'symmetric'} key; report signing needs an Ed25519 ${kind} key`,
      where,
    );
  return key;
}

/**
 * The signer of a PEM Ed25519 private key, given as a file path or as the PEM text itself (as
 * CI secrets usually hold it, e.g. in GAUNTLET_SIGNING_KEY).
 */
export function loadSigningKey(source: string, what = 'GAUNTLET_SIGNING_KEY'): ReportSigner {
  const { pem, where } = readPem(source, what);
  const key = ed25519(() => createPrivateKey(pem), where, 'private');
  return {
    keyId: keyIdOf(createPublicKey(key)),
    sign: (digest) => sign(null, signedBytes(digest), key).toString('base64'),
  };
}

/** The verifier of a PEM Ed25519 public key (a private key file works too: its public half is used). */
export function loadPublicKey(source: string): ReportVerifier {
  const { pem, where } = readPem(source, '--public-key');
  const key = ed25519(() => createPublicKey(pem), where, 'public');
  return {
    keyId: keyIdOf(key),
    verify: (digest, signature) => {
      try {
        return verify(null, signedBytes(digest), key, Buffer.from(signature, 'base64'));
      } catch {
        return false;
      }
    },
  };
}

import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';
import { chmod, link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The audit's Ed25519 key (docs/decisions/0012-audit-that-owners-cannot-rewrite.md). The private
 * key lives in a file outside the database (ZHIXING_AUDIT_KEY_FILE, mode 0600), so that whoever
 * owns the database can neither sign a checkpoint nor read the key; the public key is published
 * beside it (`….pub.pem`) and on the transparency page.
 */
export type PublicKeyInfo = { publicKey: KeyObject; pem: string; keyId: string };
export type SigningKey = PublicKeyInfo & { privateKey: KeyObject };

/** Where the public half is published: `signing-key.pem` → `signing-key.pub.pem`. */
export function publicKeyFileOf(keyFile: string): string {
  return keyFile.endsWith('.pem') ? `${keyFile.slice(0, -4)}.pub.pem` : `${keyFile}.pub`;
}

function describePublicKey(publicKey: KeyObject): PublicKeyInfo {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return {
    publicKey,
    pem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    keyId: createHash('sha256').update(der).digest('hex').slice(0, 16),
  };
}

function isMissing(err: unknown): boolean {
  return err instanceof Error && 'code' in err && err.code === 'ENOENT';
}

function isTaken(err: unknown): boolean {
  return err instanceof Error && 'code' in err && err.code === 'EEXIST';
}

async function readSigningKey(keyFile: string): Promise<SigningKey> {
  const privateKey = createPrivateKey(await readFile(keyFile));
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`${keyFile} is not an Ed25519 private key`);
  return { ...describePublicKey(createPublicKey(privateKey)), privateKey };
}

/**
 * The key in `keyFile`, made on first use (mode 0600). It is written aside and linked into place,
 * so that of several processes starting at once one wins and none reads half a key.
 */
export async function loadOrCreateSigningKey(keyFile: string): Promise<SigningKey> {
  try {
    const key = await readSigningKey(keyFile);
    await writeFile(publicKeyFileOf(keyFile), key.pem, { flag: 'wx', mode: 0o644 }).catch((err: unknown) => {
      if (!isTaken(err)) throw err;
    });
    return key;
  } catch (err) {
    if (!isMissing(err)) throw err;
  }
  await mkdir(path.dirname(keyFile), { recursive: true, mode: 0o700 });
  const { privateKey } = generateKeyPairSync('ed25519');
  const aside = `${keyFile}.${process.pid}.new`;
  await writeFile(aside, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  await chmod(aside, 0o600);
  try {
    await link(aside, keyFile);
  } catch (err) {
    if (!isTaken(err)) throw err;
  } finally {
    await unlink(aside);
  }
  return loadOrCreateSigningKey(keyFile);
}

/** The public key to check checkpoints with: from the private key's file, else from the published one. */
export async function loadPublicKey(keyFile: string): Promise<PublicKeyInfo | null> {
  try {
    return await readSigningKey(keyFile);
  } catch (err) {
    if (!isMissing(err)) throw err;
  }
  try {
    return describePublicKey(createPublicKey(await readFile(publicKeyFileOf(keyFile))));
  } catch (err) {
    if (isMissing(err)) return null;
    throw err;
  }
}

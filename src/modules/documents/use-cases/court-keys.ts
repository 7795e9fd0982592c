import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { clock } from '../../../platform/clock.ts';
import type { DbOrTx } from '../../../platform/db.ts';
import { courtKeys } from '../tables.ts';

/**
 * Each court's seal key (Ed25519), made the first time the court seals. The private key is stored
 * encrypted under the deployment's seal passphrase (ZHIXING_SEAL_PASSPHRASE), never in clear; the
 * public key is published with every verification.
 */
export async function courtSigningKey(tx: DbOrTx, courtId: string, passphrase: string) {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  await tx
    .insert(courtKeys)
    .values({
      courtId,
      algorithm: 'Ed25519',
      publicKey: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
      privateKey: privateKey
        .export({ format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase })
        .toString(),
      createdAt: clock.now(),
    })
    .onConflictDoNothing();
  const [row] = await tx.select().from(courtKeys).where(eq(courtKeys.courtId, courtId));
  if (!row) throw new Error(`the seal key of court ${courtId} vanished`);
  return { publicKey: row.publicKey, privateKey: createPrivateKey({ key: row.privateKey, passphrase }) };
}

export function signStatement(privateKey: ReturnType<typeof createPrivateKey>, statement: string): string {
  return sign(null, Buffer.from(statement, 'utf8'), privateKey).toString('base64');
}

export async function courtPublicKey(db: DbOrTx, courtId: string): Promise<string | null> {
  const rows = await db.execute<{ public_key: string }>(
    sql`select public_key from documents.court_keys where court_id = ${courtId}::uuid`,
  );
  return rows[0]?.public_key ?? null;
}

export function isValidSignature(publicKeyPem: string, statement: string, signature: string): boolean {
  try {
    return verify(
      null,
      Buffer.from(statement, 'utf8'),
      createPublicKey(publicKeyPem),
      Buffer.from(signature, 'base64'),
    );
  } catch {
    return false;
  }
}

import { createHash, sign, verify } from 'node:crypto';
import { z } from 'zod';
import type { Query } from './chain.ts';
import type { PublicKeyInfo, SigningKey } from './signing-key.ts';

/**
 * A signed checkpoint of the audit chain (docs/decisions/0012-audit-that-owners-cannot-rewrite.md):
 * "this database's chain had `chainSeq` records, the last with hash `headHash`, at `signedAt`",
 * signed with the audit key. Whoever owns the database cannot make one, so a chain that ends
 * before it (records deleted) or differs at it (edited and recomputed) is found out.
 */
export const ZCheckpointSchema = z.object({
  chain: z.string().regex(/^[0-9a-f]{16}$/),
  chainSeq: z.number().int().min(1),
  headHash: z.string().regex(/^[0-9a-f]{64}$/),
  signedAt: z.iso.datetime(),
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  signature: z.string().min(1).max(200),
});
export type Checkpoint = z.infer<typeof ZCheckpointSchema>;
type Signed = Pick<Checkpoint, 'chain' | 'chainSeq' | 'headHash' | 'signedAt'>;

/** The exact bytes signed (UTF-8); published on the transparency page so anyone can check. */
export const checkpointMessageFormat =
  'zhixing-audit-checkpoint/1\\n{chain}\\n{chainSeq}\\n{headHash}\\n{signedAt}';

/**
 * `signed_at` as the ISO instant that was signed (the checkpoint's time has whole milliseconds),
 * in SQL: the text does not depend on the session's time zone or on how a driver parses timestamps.
 */
export const signedAtText = 'to_char(signed_at at time zone \'UTC\', \'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"\')';

export function checkpointMessage(c: Signed): string {
  return `zhixing-audit-checkpoint/1\n${c.chain}\n${c.chainSeq}\n${c.headHash}\n${c.signedAt}`;
}

export function signCheckpoint(key: SigningKey, c: Signed): Checkpoint {
  const signature = sign(null, Buffer.from(checkpointMessage(c)), key.privateKey).toString('base64');
  return {
    chain: c.chain,
    chainSeq: c.chainSeq,
    headHash: c.headHash,
    signedAt: c.signedAt,
    keyId: key.keyId,
    signature,
  };
}

/** Whether `key` signed exactly this checkpoint. */
export function isSignedBy(c: Checkpoint, key: PublicKeyInfo): boolean {
  if (c.keyId !== key.keyId) return false;
  try {
    return verify(null, Buffer.from(checkpointMessage(c)), key.publicKey, Buffer.from(c.signature, 'base64'));
  } catch {
    return false;
  }
}

/**
 * Which database's chain this is: the server's system identifier (fixed when the cluster was
 * made) and the database's name, digested. Checkpoints of another database — a test's, a
 * benchmark's, a re-made cluster's — never stand for this one.
 */
export async function readChainIdentity(tx: Query): Promise<string> {
  const [row] = await tx<{ id: string }[]>`
    select system_identifier::text || '/' || current_database() as id from pg_control_system()`;
  return createHash('sha256')
    .update(row?.id ?? '')
    .digest('hex')
    .slice(0, 16);
}

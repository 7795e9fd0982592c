import { eq, or } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db.ts';
import type { TVerification } from '../contracts.ts';
import { sealStatement } from '../rules/seal-statement.ts';
import { documents } from '../tables.ts';
import { courtPublicKey, isValidSignature } from './court-keys.ts';
import { documentNotFound } from './read-documents.ts';

type DocumentRow = typeof documents.$inferSelect;

async function verificationOf(db: DbOrTx, doc: DocumentRow): Promise<TVerification | null> {
  if (doc.sealedAt === null || doc.signature === null) return null;
  const publicKey = await courtPublicKey(db, doc.courtId);
  if (publicKey === null) return null;
  const statement = sealStatement({
    documentId: doc.id,
    courtId: doc.courtId,
    courtName: doc.model.courtName,
    number: doc.number,
    sha256: doc.sha256,
    pdfSha256: doc.pdfSha256,
    sealedAt: doc.sealedAt.toISOString(),
  });
  return {
    documentId: doc.id,
    title: doc.title,
    number: doc.number,
    court: doc.model.courtName,
    sealedAt: doc.sealedAt.toISOString(),
    sha256: doc.sha256,
    pdfSha256: doc.pdfSha256,
    algorithm: 'Ed25519',
    statement,
    signature: doc.signature,
    publicKey,
    valid: isValidSignature(publicKey, statement, doc.signature),
  };
}

/**
 * What anyone may check of a sealed document by its verification code (printed at its foot): the
 * court, the number, the hashes of both files and the court's signature over them. A draft has no
 * seal to verify (404). Parties' names are not shown: the holder of the paper already has them.
 */
export async function verifyDocument(db: DbOrTx, documentId: string): Promise<TVerification> {
  const [doc] = await db.select().from(documents).where(eq(documents.id, documentId));
  const verification = doc ? await verificationOf(db, doc) : null;
  if (!verification) throw documentNotFound();
  return verification;
}

/** Whether a file's SHA-256 is that of a sealed document as served, in either format. */
export async function verifyHash(db: DbOrTx, sha256: string) {
  const hash = sha256.toLowerCase();
  const rows = await db
    .select()
    .from(documents)
    .where(or(eq(documents.sha256, hash), eq(documents.pdfSha256, hash)))
    .limit(1);
  const doc = rows[0];
  const verification = doc ? await verificationOf(db, doc) : null;
  if (!doc || !verification) return { match: false, format: null, verification: null };
  return { match: true, format: doc.sha256 === hash ? ('docx' as const) : ('pdf' as const), verification };
}

import { eq } from 'drizzle-orm';
import { clock } from '../../../platform/clock.ts';
import type { DbOrTx } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode } from '../../../platform/errors.ts';
import type { Actor } from '../../identity/index.ts';
import { assertCanSeal } from '../policy.ts';
import { renderDocx } from '../render/docx.ts';
import { renderPdf } from '../render/pdf.ts';
import { sealStatement } from '../rules/seal-statement.ts';
import type { DocumentModel } from '../rules/templates.ts';
import { documents } from '../tables.ts';
import { courtSigningKey, signStatement } from './court-keys.ts';
import { addToDossier } from './dossier-entry.ts';
import { sha256Of } from './issue-document.ts';
import { loadDocument } from './read-documents.ts';

type Sealable = {
  id: string;
  caseId: string;
  courtId: string;
  title: string;
  number: string;
  model: DocumentModel;
  createdAt: Date;
};

/** The sealed files: the seal drawn over the date in both (outside any transaction: it takes a while). */
export async function renderSealed(doc: Sealable) {
  const [docx, pdf] = await Promise.all([
    renderDocx(doc.model, { sealedBy: doc.model.courtName, verificationCode: doc.id }),
    renderPdf(doc.model, {
      sealedBy: doc.model.courtName,
      verificationCode: doc.id,
      createdAt: doc.createdAt,
    }),
  ]);
  return { docx, pdf, sha256: sha256Of(docx), pdfSha256: sha256Of(pdf) };
}

/**
 * Puts the sealed files in place of the draft, in the caller's transaction: the court's signature
 * over their hashes, and the sealed version filed in the dossier. The row must be locked and unsealed.
 */
export async function applySeal(
  tx: DbOrTx,
  actor: Actor,
  doc: Sealable,
  sealed: Awaited<ReturnType<typeof renderSealed>>,
  opts: { passphrase: string; sealedAt: Date },
) {
  const { docx, pdf, sha256, pdfSha256 } = sealed;
  const key = await courtSigningKey(tx, doc.courtId, opts.passphrase);
  const statement = sealStatement({
    documentId: doc.id,
    courtId: doc.courtId,
    courtName: doc.model.courtName,
    number: doc.number,
    sha256,
    pdfSha256,
    sealedAt: opts.sealedAt.toISOString(),
  });
  const signature = signStatement(key.privateKey, statement);
  await tx
    .update(documents)
    .set({
      docx,
      pdf,
      sha256,
      pdfSha256,
      sealedAt: opts.sealedAt,
      sealedBy: actor.userId,
      sealedByName: actor.displayName,
      signature,
    })
    .where(eq(documents.id, doc.id));
  await addToDossier(tx, actor, {
    caseId: doc.caseId,
    kind: 'document',
    refId: doc.id,
    title: `${doc.title}（已盖章）`,
    sha256,
    action: 'document.seal',
  });
  return { id: doc.id, sha256, pdfSha256, sealedAt: opts.sealedAt.toISOString(), signature };
}

/**
 * Seals a document with its court's seal: the seal drawn over the date in both files, and the
 * court's signature over the new files' hashes. The sealed version replaces the draft as the one
 * served; the draft's hash stays on record and in the dossier.
 */
export async function sealDocument(
  db: DbOrTx,
  actor: Actor,
  documentId: string,
  opts: { passphrase: string },
) {
  const { doc, c } = await loadDocument(db, actor, documentId);
  assertCanSeal(actor, c);
  if (doc.sealedAt !== null)
    throw new AppError(ErrorCode.conflict, bi('文书已加盖院印', 'The document is already sealed'));
  const sealedAt = clock.now();
  const sealed = await renderSealed(doc);
  return db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ sealedAt: documents.sealedAt })
      .from(documents)
      .where(eq(documents.id, doc.id))
      .for('update');
    if (!locked || locked.sealedAt !== null) {
      throw new AppError(ErrorCode.conflict, bi('文书已加盖院印', 'The document is already sealed'));
    }
    return applySeal(tx, actor, doc, sealed, { passphrase: opts.passphrase, sealedAt });
  });
}

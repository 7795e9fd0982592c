import { asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode } from '../../../platform/errors.ts';
import { loadCaseContext } from '../../cases/index.ts';
import type { Actor } from '../../identity/index.ts';
import type { TDocumentList, TService } from '../contracts.ts';
import { documentTemplateLabels, isDocumentTemplate } from '../rules/templates.ts';
import { documents, services } from '../tables.ts';

export function documentNotFound(): AppError {
  return new AppError(ErrorCode.notFound, bi('文书不存在', 'No such document'));
}

/** A document and its case, for an actor who sees the case (else 404: it does not exist for them). */
export async function loadDocument(db: DbOrTx, actor: Actor, documentId: string) {
  const [doc] = await db.select().from(documents).where(eq(documents.id, documentId));
  if (!doc) throw documentNotFound();
  try {
    return { doc, c: await loadCaseContext(db, actor, doc.caseId) };
  } catch (error) {
    if (error instanceof AppError && error.code === ErrorCode.notFound) throw documentNotFound();
    throw error;
  }
}

export function serviceView(s: typeof services.$inferSelect): TService {
  return {
    id: s.id,
    partyId: s.partyId,
    partyName: s.partyName,
    method: s.method === 'postal' ? 'postal' : 'electronic',
    servedAt: s.servedAt.toISOString(),
    receivedAt: s.receivedAt?.toISOString() ?? null,
    trackingNumber: s.trackingNumber,
    note: s.note,
  };
}

export async function listCaseDocuments(db: DbOrTx, caseId: string): Promise<TDocumentList> {
  const rows = await db
    .select({
      id: documents.id,
      template: documents.template,
      title: documents.title,
      number: documents.number,
      issuedOn: documents.issuedOn,
      sha256: documents.sha256,
      pdfSha256: documents.pdfSha256,
      draftSha256: documents.draftSha256,
      createdAt: documents.createdAt,
      createdByName: documents.createdByName,
      sealedAt: documents.sealedAt,
      sealedByName: documents.sealedByName,
    })
    .from(documents)
    .where(eq(documents.caseId, caseId))
    .orderBy(asc(documents.createdAt), asc(documents.id));
  const ids = rows.map((r) => r.id);
  const served =
    ids.length === 0
      ? []
      : await db
          .select()
          .from(services)
          .where(inArray(services.documentId, ids))
          .orderBy(asc(services.servedAt));
  return {
    items: rows.flatMap((r) => {
      if (!isDocumentTemplate(r.template)) return [];
      return [
        {
          ...r,
          template: r.template,
          label: documentTemplateLabels[r.template],
          createdAt: r.createdAt.toISOString(),
          sealed: r.sealedAt !== null,
          sealedAt: r.sealedAt?.toISOString() ?? null,
          services: served.filter((s) => s.documentId === r.id).map(serviceView),
        },
      ];
    }),
  };
}

export const documentMediaTypes = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;

/** The file as served: the bytes whose SHA-256 is on record. */
export function documentFile(doc: typeof documents.$inferSelect, format: 'docx' | 'pdf') {
  return {
    bytes: format === 'pdf' ? doc.pdf : doc.docx,
    contentType: documentMediaTypes[format],
    fileName: `${doc.title}-${doc.number}.${format}`,
  };
}

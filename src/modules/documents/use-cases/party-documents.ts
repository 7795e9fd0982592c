import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { appendAudit } from '../../audit/index.ts';
import type { CaseAccess } from '../../disclosure/index.ts';
import type { TPartyDocumentList } from '../contracts.ts';
import { isDocumentTemplate } from '../rules/templates.ts';
import { documents, services } from '../tables.ts';
import { documentFile, documentNotFound } from './read-documents.ts';

/** The documents served electronically on the parties the portal user is (or represents) in a case. */
export async function listPartyDocuments(db: Db, access: CaseAccess): Promise<TPartyDocumentList> {
  const partyIds = access.seats.map((s) => s.partyId);
  const rows = await db
    .select({ doc: documents, service: services })
    .from(services)
    .innerJoin(documents, eq(documents.id, services.documentId))
    .where(
      and(
        eq(services.caseId, access.caseId),
        eq(services.method, 'electronic'),
        inArray(services.partyId, partyIds),
      ),
    )
    .orderBy(asc(services.servedAt));
  const seen = new Set<string>();
  const items: TPartyDocumentList['items'] = [];
  for (const { doc, service } of rows) {
    if (seen.has(doc.id) || !isDocumentTemplate(doc.template)) continue;
    seen.add(doc.id);
    items.push({
      id: doc.id,
      template: doc.template,
      title: doc.title,
      number: doc.number,
      issuedOn: doc.issuedOn,
      servedAt: service.servedAt.toISOString(),
      receivedAt: service.receivedAt?.toISOString() ?? null,
      sha256: doc.sha256,
      pdfSha256: doc.pdfSha256,
    });
  }
  return { items };
}

/**
 * A served document as the party downloads it. The first opening is the time of receipt of the
 * electronic service (电子送达以到达受送达人特定系统的日期为送达日期, CPL art. 90), recorded once and audited.
 */
export async function openPartyDocument(
  db: Db,
  access: CaseAccess,
  documentId: string,
  format: 'docx' | 'pdf',
) {
  const partyIds = access.seats.map((s) => s.partyId);
  return db.transaction(async (tx) => {
    const served = await tx
      .select()
      .from(services)
      .where(
        and(
          eq(services.documentId, documentId),
          eq(services.caseId, access.caseId),
          eq(services.method, 'electronic'),
          inArray(services.partyId, partyIds),
        ),
      );
    if (served.length === 0) throw documentNotFound();
    const [doc] = await tx.select().from(documents).where(eq(documents.id, documentId));
    if (!doc) throw documentNotFound();
    const now = clock.now();
    const receiving = served.filter((s) => s.receivedAt === null);
    if (receiving.length > 0) {
      await tx
        .update(services)
        .set({ receivedAt: now })
        .where(
          and(
            inArray(
              services.id,
              receiving.map((s) => s.id),
            ),
            isNull(services.receivedAt),
          ),
        );
      await appendAudit(tx, {
        actor: null,
        action: 'document.received',
        objectType: 'document',
        objectId: doc.id,
        detail: { caseId: doc.caseId, by: access.submitter.kind, parties: receiving.map((s) => s.partyId) },
      });
    }
    return documentFile(doc, format);
  });
}

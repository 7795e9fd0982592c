import { createHash, randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { clock } from '../../../platform/clock.ts';
import type { Db, DbOrTx } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode, invalidField } from '../../../platform/errors.ts';
import { type CaseContext, loadCaseContext, NodeKind, recordNode } from '../../cases/index.ts';
import type { Actor } from '../../identity/index.ts';
import { assertCanIssue } from '../policy.ts';
import { renderDocx } from '../render/docx.ts';
import { renderPdf } from '../render/pdf.ts';
import {
  buildDocument,
  type DocumentModel,
  DocumentTemplate,
  isDocumentTemplate,
} from '../rules/templates.ts';
import { documents } from '../tables.ts';
import { caseFacts } from './case-facts.ts';
import { addToDossier } from './dossier-entry.ts';

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The step on the case timeline a document marks, where it marks one (2006 time-limit rules: notice and order together). */
const nodeOfTemplate: Partial<Record<DocumentTemplate, string>> = {
  enforcementNotice: NodeKind.enforcementNoticeSent,
  propertyReportOrder: NodeKind.propertyReportOrderIssued,
};

/** A document filled from the case and rendered, not yet filed. */
export type DocumentDraft = {
  id: string;
  template: DocumentTemplate;
  model: DocumentModel;
  docx: Buffer;
  pdf: Buffer;
  createdAt: Date;
};

/** Fills the template from the case's facts and renders Word and PDF (outside any transaction: it takes a while). */
export async function draftDocument(
  db: Db,
  c: CaseContext,
  template: DocumentTemplate,
): Promise<DocumentDraft> {
  const id = randomUUID();
  const createdAt = clock.now();
  const model = buildDocument(template, await caseFacts(db, c));
  const [docx, pdf] = await Promise.all([
    renderDocx(model, { sealedBy: null, verificationCode: id }),
    renderPdf(model, { sealedBy: null, verificationCode: id, createdAt }),
  ]);
  return { id, template, model, docx, pdf, createdAt };
}

/** One risk notice per case (documents/0002): a second is refused, concurrent ones wait on each other. */
async function assertNoRiskNoticeYet(tx: DbOrTx, caseId: string): Promise<void> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`documents.risk-notice:${caseId}`}, 0))`,
  );
  const [existing] = await tx
    .select({ id: documents.id })
    .from(documents)
    .where(and(eq(documents.caseId, caseId), eq(documents.template, DocumentTemplate.riskNotice)));
  if (existing) {
    throw new AppError(
      ErrorCode.conflict,
      bi('本案已制作执行风险提示书', 'The case already has its enforcement-risk notice'),
    );
  }
}

/**
 * Files a draft in the caller's transaction: the document row, its dossier entry with the hash in
 * the audit chain, and the node on the timeline the notice and the order record.
 */
export async function fileDraft(tx: DbOrTx, actor: Actor, c: CaseContext, draft: DocumentDraft) {
  const { id, template, model, docx, pdf, createdAt } = draft;
  const sha256 = sha256Of(docx);
  if (template === DocumentTemplate.riskNotice) await assertNoRiskNoticeYet(tx, c.id);
  const node = nodeOfTemplate[template];
  if (node !== undefined) {
    await recordNode(
      tx,
      actor,
      c.id,
      { kind: node, note: `${model.title} ${model.number}` },
      { sourceKey: `document:${id}` },
    );
  }
  await tx.insert(documents).values({
    id,
    caseId: c.id,
    courtId: c.courtId,
    template,
    title: model.title,
    number: model.number,
    issuedOn: model.issuedOn,
    model,
    docx,
    pdf,
    sha256,
    pdfSha256: sha256Of(pdf),
    draftSha256: sha256,
    createdAt,
    createdBy: actor.userId,
    createdByName: actor.displayName,
  });
  await addToDossier(tx, actor, {
    caseId: c.id,
    kind: 'document',
    refId: id,
    title: model.title,
    sha256,
    action: 'document.issue',
  });
  return { id, template, sha256 };
}

/**
 * Issues a document of the case from its template: filled from the case's facts, rendered to Word
 * and PDF, both kept as served, filed in the dossier with its hash in the audit chain; the notice
 * and the property report order record their node on the timeline.
 */
export async function issueDocument(db: Db, actor: Actor, caseId: string, input: { template: string }) {
  if (!isDocumentTemplate(input.template)) {
    throw invalidField('template', '不支持的文书模板', 'Unknown document template');
  }
  const template = input.template;
  const c = await loadCaseContext(db, actor, caseId);
  assertCanIssue(actor, c);
  const draft = await draftDocument(db, c, template);
  return db.transaction((tx) => fileDraft(tx, actor, c, draft));
}

import { createHash, randomUUID } from 'node:crypto';
import { clock } from '../../../platform/clock.ts';
import type { DbOrTx } from '../../../platform/db.ts';
import { invalidField } from '../../../platform/errors.ts';
import { loadCaseContext, NodeKind, recordNode } from '../../cases/index.ts';
import type { Actor } from '../../identity/index.ts';
import { assertCanIssue } from '../policy.ts';
import { renderDocx } from '../render/docx.ts';
import { renderPdf } from '../render/pdf.ts';
import { buildDocument, type DocumentTemplate, isDocumentTemplate } from '../rules/templates.ts';
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

/**
 * Issues a document of the case from its template: filled from the case's facts, rendered to Word
 * and PDF, both kept as served, filed in the dossier with its hash in the audit chain; the notice
 * and the property report order record their node on the timeline.
 */
export async function issueDocument(db: DbOrTx, actor: Actor, caseId: string, input: { template: string }) {
  if (!isDocumentTemplate(input.template)) {
    throw invalidField('template', '不支持的文书模板', 'Unknown document template');
  }
  const template = input.template;
  const c = await loadCaseContext(db, actor, caseId);
  assertCanIssue(actor, c);
  const id = randomUUID();
  const createdAt = clock.now();
  const model = buildDocument(template, await caseFacts(db, c));
  const [docx, pdf] = await Promise.all([
    renderDocx(model, { sealedBy: null, verificationCode: id }),
    renderPdf(model, { sealedBy: null, verificationCode: id, createdAt }),
  ]);
  const sha256 = sha256Of(docx);
  return db.transaction(async (tx) => {
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
  });
}

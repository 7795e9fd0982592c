import { and, eq } from 'drizzle-orm';
import { clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { AppError, ErrorCode } from '../../../platform/errors.ts';
import { type CaseContext, loadCaseContext } from '../../cases/index.ts';
import { systemActorFor } from '../../identity/index.ts';
import { isRiskNoticeDue } from '../rules/risk-notice.ts';
import { DocumentTemplate } from '../rules/templates.ts';
import { documents } from '../tables.ts';
import { draftDocument, fileDraft } from './issue-document.ts';
import { applySeal, renderSealed } from './seal-document.ts';
import { recordService } from './serve-document.ts';

async function hasRiskNotice(db: Db, caseId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: documents.id })
    .from(documents)
    .where(and(eq(documents.caseId, caseId), eq(documents.template, DocumentTemplate.riskNotice)));
  return row !== undefined;
}

async function caseOf(db: Db, caseId: string, courtId: string) {
  const system = await systemActorFor(db, courtId);
  if (!system) return null;
  try {
    return { system, c: await loadCaseContext(db, system, caseId) };
  } catch (err) {
    if (err instanceof AppError && err.code === ErrorCode.notFound) return null;
    throw err;
  }
}

/**
 * The 执行风险提示书 of a newly filed case, issued by the system for the court: filled from the case,
 * sealed with the court's seal (only a sealed document is served) and served electronically on every
 * applicant, so that it waits in their portal — in one transaction, so that the case has either the
 * notice served or nothing. One per case: a repeated call (an event delivered twice, a job run again)
 * finds it and does nothing. Returns the notice's id when this call issued it.
 */
export async function issueRiskNotice(
  db: Db,
  input: { caseId: string; courtId: string; passphrase: string },
): Promise<{ id: string } | null> {
  const found = await caseOf(db, input.caseId, input.courtId);
  if (!found) return null;
  const { system, c } = found;
  if (!isRiskNoticeDue(c, clock.today()) || (await hasRiskNotice(db, c.id))) return null;
  const draft = await draftDocument(db, c, DocumentTemplate.riskNotice);
  const doc = {
    id: draft.id,
    caseId: c.id,
    courtId: c.courtId,
    title: draft.model.title,
    number: draft.model.number,
    model: draft.model,
    createdAt: draft.createdAt,
  };
  const sealed = await renderSealed(doc);
  const sealedAt = clock.now();
  try {
    return await db.transaction(async (tx) => {
      await fileDraft(tx, system, c, draft);
      await applySeal(tx, system, doc, sealed, { passphrase: input.passphrase, sealedAt });
      for (const applicant of applicantsOf(c)) {
        await recordService(tx, system, { id: doc.id, caseId: c.id, sha256: sealed.sha256 }, applicant, {
          method: 'electronic',
          servedAt: sealedAt,
          receivedAt: null,
          trackingNumber: null,
          note: '立案时系统自动送达 / Served by the system at filing',
        });
      }
      return { id: doc.id };
    });
  } catch (err) {
    // Issued meanwhile (by another run, or by hand): the case has its notice.
    if (err instanceof AppError && err.code === ErrorCode.conflict) return null;
    throw err;
  }
}

function applicantsOf(c: CaseContext) {
  return c.applicants.map((p) => ({ id: p.id, name: p.name }));
}

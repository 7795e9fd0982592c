import { randomUUID } from 'node:crypto';
import { asc, eq, inArray } from 'drizzle-orm';
import { clock } from '../../../platform/clock.ts';
import type { Db, DbOrTx } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode, notFound } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import type { TInvestigationOrder, TOrderResultInput } from '../order-contracts.ts';
import type { PortalUser } from '../portal-auth.ts';
import { investigationOrders, investigationResultFiles, investigationResults } from '../reward-tables.ts';
import { loadCaseAccess } from './party-access.ts';
import { decodeFiles } from './request-files.ts';

/**
 * What a lawyer found under a granted order (a bank's statement, a registry's extract), uploaded to
 * the case with up to 3 files (the same shape and checks as a party's clue attachments). Only the
 * lawyer the order names uploads, while they still act on the case.
 */

export async function uploadOrderResult(
  db: Db,
  user: PortalUser,
  orderId: string,
  input: TOrderResultInput,
): Promise<{ id: string }> {
  if (user.kind !== 'lawyer') {
    throw new AppError(
      ErrorCode.forbidden,
      bi('只有持令律师可以提交调查结果', 'Only the lawyer holding the order may upload results'),
    );
  }
  const files = decodeFiles(input.attachments);
  return db.transaction(async (tx) => {
    const [order] = await tx
      .select()
      .from(investigationOrders)
      .where(eq(investigationOrders.id, orderId))
      .for('update');
    // Another lawyer's order, or one on a case the lawyer no longer acts in, does not exist for them.
    if (!order || order.lawyerId !== user.lawyerId) throw notFound('调查令', 'Investigation order');
    await loadCaseAccess(tx, user, order.caseId);
    if (order.state !== 'granted') {
      throw new AppError(
        ErrorCode.conflict,
        bi('调查令未签发或已撤销', 'The order was not granted, or was revoked'),
      );
    }
    const id = randomUUID();
    await tx.insert(investigationResults).values({
      id,
      orderId: order.id,
      text: input.text,
      submittedAt: clock.now(),
      submittedByName: order.lawyerName,
    });
    if (files.length > 0) {
      await tx.insert(investigationResultFiles).values(
        files.map((f, position) => ({
          id: randomUUID(),
          resultId: id,
          position,
          name: f.name,
          contentType: f.contentType,
          size: f.bytes.length,
          sha256: f.sha256,
          bytes: f.bytes,
        })),
      );
    }
    await appendAudit(tx, {
      actor: null,
      action: 'disclosure.investigation-order.result',
      objectType: 'case',
      objectId: order.caseId,
      detail: {
        orderId: order.id,
        resultId: id,
        files: files.map((f) => ({ name: f.name, sha256: f.sha256 })),
      },
    });
    return { id };
  });
}

/** The results of each order, oldest first, with their files' descriptions (not their bytes). */
export async function resultsOf(
  db: DbOrTx,
  orderIds: string[],
): Promise<Map<string, TInvestigationOrder['results']>> {
  const byOrder = new Map<string, TInvestigationOrder['results']>();
  if (orderIds.length === 0) return byOrder;
  const rows = await db
    .select()
    .from(investigationResults)
    .where(inArray(investigationResults.orderId, orderIds))
    .orderBy(asc(investigationResults.submittedAt));
  const files = rows.length
    ? await db
        .select({
          id: investigationResultFiles.id,
          resultId: investigationResultFiles.resultId,
          name: investigationResultFiles.name,
          contentType: investigationResultFiles.contentType,
          size: investigationResultFiles.size,
          sha256: investigationResultFiles.sha256,
        })
        .from(investigationResultFiles)
        .where(
          inArray(
            investigationResultFiles.resultId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(asc(investigationResultFiles.position))
    : [];
  for (const r of rows) {
    const attachments = files.filter((f) => f.resultId === r.id).map(({ resultId: _, ...f }) => f);
    const result = {
      id: r.id,
      text: r.text,
      submittedAt: r.submittedAt.toISOString(),
      submittedBy: r.submittedByName,
      attachments,
    };
    byOrder.set(r.orderId, [...(byOrder.get(r.orderId) ?? []), result]);
  }
  return byOrder;
}

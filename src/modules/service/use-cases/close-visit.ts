import { eq } from 'drizzle-orm';
import { clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import type { Actor } from '../../identity/index.ts';
import type { TVisit } from '../contracts.ts';
import { visits } from '../tables.ts';
import { auditActor, loadVisit, visitView } from './visit-store.ts';

/** 接待完毕: the visit is closed; nothing more is received or booked under it. */
export async function closeVisit(db: Db, actor: Actor, visitId: string): Promise<TVisit> {
  return db.transaction(async (tx) => {
    const visit = await loadVisit(tx, actor, visitId, { forUpdate: true });
    if (visit.state === 'closed')
      throw new AppError(ErrorCode.conflict, bi('本次来访已结束', 'The visit is already closed'));
    const [row] = await tx
      .update(visits)
      .set({ state: 'closed', closedAt: clock.now(), closedByName: actor.displayName })
      .where(eq(visits.id, visit.id))
      .returning();
    if (!row) throw new Error(`visit ${visit.id} vanished`);
    await appendAudit(tx, {
      actor: auditActor(actor),
      action: 'service.visit.close',
      objectType: visit.caseId ? 'case' : 'visit',
      objectId: visit.caseId ?? visit.id,
      detail: { visitId: visit.id },
    });
    return visitView(tx, row);
  });
}

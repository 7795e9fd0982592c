import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db.ts';
import { appendAudit } from '../../audit/index.ts';
import type { Actor } from '../../identity/index.ts';
import { auditActorOf, type ChangeInput } from '../credit-store.ts';
import { type LiftGround, liftGrounds } from '../rules/consumption.ts';
import { restrictionSubjects, restrictions } from '../tables.ts';

export type RestrictionRow = typeof restrictions.$inferSelect;

/**
 * 限消规定 art. 9: lifts an order in the same scope as it was notified — every subject it binds —
 * and returns the change-feed rows for the caller to record last.
 */
export async function liftRestrictionInTx(
  tx: DbOrTx,
  r: RestrictionRow,
  input: { ground: LiftGround; reason: string; today: string; actor: Actor | null },
): Promise<ChangeInput[]> {
  const isRepair = liftGrounds[input.ground].isRepair;
  await tx
    .update(restrictions)
    .set({
      state: 'lifted',
      liftedOn: input.today,
      liftGround: input.ground,
      liftReason: input.reason,
      liftedBy: input.actor?.userId ?? null,
      isCreditRepair: isRepair,
    })
    .where(eq(restrictions.id, r.id));
  const subjects = await tx
    .update(restrictionSubjects)
    .set({ state: 'lifted', releasedOn: input.today, releaseReason: input.reason })
    .where(and(eq(restrictionSubjects.restrictionId, r.id), eq(restrictionSubjects.state, 'active')))
    .returning();
  await appendAudit(tx, {
    actor: auditActorOf(input.actor),
    action: 'credit.restriction.lift',
    objectType: 'consumptionRestriction',
    objectId: r.id,
    detail: { ground: input.ground, isCreditRepair: isRepair },
  });
  return subjects.map((s) => ({
    kind: 'restrictionLifted',
    punishment: 'consumptionRestriction',
    punishmentNo: s.punishmentNo,
    subjectKind: s.role === 'debtor' ? r.subjectKind : 'natural',
    idNumber: s.idNumber,
    creditCode: s.creditCode,
    name: s.name,
    courtNo: r.courtNo,
    caseNumber: r.caseNumber,
    since: s.restrictedFrom,
    until: input.today,
    behaviours: r.behaviours,
    role: s.role,
  }));
}

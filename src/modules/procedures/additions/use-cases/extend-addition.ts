import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { addCalendarDays, compareIsoDates } from '../../../../kernel/index.ts';
import { clock } from '../../../../platform/clock.ts';
import type { Db } from '../../../../platform/db.ts';
import { appendAudit } from '../../../audit/index.ts';
import type { Actor } from '../../../identity/index.ts';
import type { TExtensionInput } from '../contracts.ts';
import { assertCanExtend } from '../policy.ts';
import { additionExtensions, respondentAdditions } from '../tables.ts';
import { assertUnderReview, auditActorOf, conflict, loadAdditionForChange } from './addition-store.ts';

/**
 * 延长审查期限 (变更追加规定 art. 28): the president — a court leader of the case's court — extends
 * the period for the ruling of an application still under review, before it has run out (409
 * after: a late ruling is recorded as late, not excused afterwards). Each extension is kept with
 * its reason; the due date moves by its days.
 */
export async function extendAddition(
  db: Db,
  actor: Actor,
  additionId: string,
  input: TExtensionInput,
): Promise<{ id: string; days: number; dueOn: string }> {
  const today = clock.today();
  return db.transaction(async (tx) => {
    const { a, c } = await loadAdditionForChange(tx, actor, additionId);
    assertCanExtend(actor, c);
    assertUnderReview(a);
    if (compareIsoDates(today, a.dueOn) > 0) {
      throw conflict(
        `审查期限已于${a.dueOn}届满，不能再延长`,
        `The period ran out on ${a.dueOn}; it can no longer be extended`,
      );
    }
    const dueOn = addCalendarDays(a.dueOn, input.days);
    await tx.insert(additionExtensions).values({
      id: randomUUID(),
      additionId: a.id,
      days: input.days,
      reason: input.reason,
      approvedOn: today,
      dueOnBefore: a.dueOn,
      dueOnAfter: dueOn,
      approvedAt: clock.now(),
      approvedBy: actor.userId,
      approvedByName: actor.displayName,
    });
    await tx.update(respondentAdditions).set({ dueOn }).where(eq(respondentAdditions.id, a.id));
    await appendAudit(tx, {
      actor: auditActorOf(actor),
      action: 'procedures.respondent-addition.extend',
      objectType: 'case',
      objectId: c.id,
      detail: { additionId: a.id, days: input.days, dueOnBefore: a.dueOn, dueOn },
    });
    return { id: a.id, days: input.days, dueOn };
  });
}

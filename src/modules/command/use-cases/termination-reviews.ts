import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode, invalidField } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import { ClosingType, loadCaseContext, terminationChecklistItems } from '../../cases/index.ts';
import { type Actor, hasRole, Role } from '../../identity/index.ts';
import { refreshCaseFacts } from './case-facts.ts';

/**
 * 终本案件检查: a review of a case closed by terminating this round (终本规定 arts. 1, 5) that finds
 * a condition unmet. The closure then counts as unqualified in 终本合格率, with the condition named
 * in the drill-down. Made by a leader of the case's court or by a command centre or leader above it.
 */
export async function recordTerminationReview(
  db: Db,
  actor: Actor,
  input: { caseId: string; item: string; finding: string },
): Promise<{ id: string; reviewedOn: string }> {
  if (!terminationChecklistItems.includes(input.item))
    throw invalidField('item', '不是终本条件之一', 'Not one of the 终本 conditions');
  return db.transaction(async (tx) => {
    const c = await loadCaseContext(tx, actor, input.caseId);
    const isOwnLeader = hasRole(actor, Role.courtLeader) && actor.court.id === c.courtId;
    const isAbove = hasRole(actor, Role.commandCentre, Role.courtLeader) && actor.court.id !== c.courtId;
    if (!isOwnLeader && !isAbove)
      throw new AppError(
        ErrorCode.forbidden,
        bi('您的角色无权检查终本案件', 'Your role may not review 终本 cases'),
      );
    if (c.closingType !== ClosingType.terminatedThisRound)
      throw new AppError(
        ErrorCode.conflict,
        bi('案件未以终本结案', 'The case was not closed by terminating this round'),
      );
    const id = randomUUID();
    const today = clock.today();
    await tx.execute(sql`insert into command.termination_reviews (id, case_id, item, finding, reviewed_by, reviewer_court_id, reviewed_on)
      values (${id}, ${c.id}, ${input.item}, ${input.finding}, ${actor.userId}, ${actor.court.id}, ${today})`);
    await refreshCaseFacts(tx, [c.id]);
    await appendAudit(tx, {
      actor: { userId: actor.userId, displayName: actor.displayName, courtId: actor.court.id },
      action: 'command.termination-review',
      objectType: 'case',
      objectId: c.id,
      detail: { reviewId: id, item: input.item },
    });
    return { id, reviewedOn: today };
  });
}

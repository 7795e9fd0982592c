import { eq } from 'drizzle-orm';
import { compareIsoDates } from '../../../kernel/index.ts';
import { clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { invalidField } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import { loadCaseContext } from '../../cases/index.ts';
import type { Actor } from '../../identity/index.ts';
import { queueInApp } from '../../notify/index.ts';
import type { TRecommendation, TReplyInput } from '../supervision-contracts.ts';
import { assertCanReply } from '../supervision-policy.ts';
import { recommendations, supervisions } from '../supervision-tables.ts';
import { auditActorOf, conflict } from './settlement-store.ts';
import { loadRecommendation, recommendationView } from './supervision-store.ts';

/**
 * 回复意见函 (监督规定 (2016) art. 13): the case judge or a court leader of the case's court answers
 * a recommendation in writing, once. A reply after the 3 months is taken and shown as late. The
 * procurator who handles the supervision is told. Outside the court's data scope — a procurator
 * included — the recommendation does not exist (404).
 */
export async function replyToRecommendation(
  db: Db,
  actor: Actor,
  recommendationId: string,
  input: TReplyInput,
): Promise<TRecommendation> {
  return db.transaction(async (tx) => {
    const r = await loadRecommendation(tx, recommendationId, { forUpdate: true });
    const c = await loadCaseContext(tx, actor, r.caseId);
    assertCanReply(actor, c);
    if (r.repliedAt !== null) throw conflict('该检察建议已回复', 'The recommendation has been answered');
    const today = clock.today();
    const repliedOn = input.repliedOn ?? today;
    if (compareIsoDates(repliedOn, today) > 0)
      throw invalidField('repliedOn', '回复日期不能晚于今天', 'The reply cannot be dated in the future');
    if (compareIsoDates(repliedOn, r.receivedOn) < 0)
      throw invalidField(
        'repliedOn',
        '回复日期不能早于收到检察建议之日',
        'The reply cannot precede the recommendation',
      );
    const [updated] = await tx
      .update(recommendations)
      .set({
        replyText: input.text,
        repliedOn,
        repliedAt: clock.now(),
        repliedBy: actor.userId,
        repliedByName: actor.displayName,
      })
      .where(eq(recommendations.id, r.id))
      .returning();
    if (!updated) throw new Error('the locked recommendation vanished');
    const [s] = await tx.select().from(supervisions).where(eq(supervisions.id, r.supervisionId));
    if (s) {
      await queueInApp(tx, {
        dedupeKey: `procedures.recommendation-reply:${r.id}`,
        userIds: [s.procuratorId],
        title: `${s.caseNumber} 检察建议已回复`,
        body: `${actor.displayName}已于${repliedOn}书面回复检察建议（回复期限${r.replyDueOn}）。`,
        kind: 'procedures.recommendationReplied',
        courtId: s.courtId,
      });
    }
    await appendAudit(tx, {
      actor: auditActorOf(actor),
      action: 'procedures.supervision.reply',
      objectType: 'case',
      objectId: c.id,
      detail: { recommendationId: r.id, repliedOn, replyDueOn: r.replyDueOn },
    });
    return recommendationView(updated, today);
  });
}

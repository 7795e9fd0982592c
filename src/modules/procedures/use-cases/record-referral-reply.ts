import { eq } from 'drizzle-orm';
import { compareIsoDates } from '../../../kernel/index.ts';
import { clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { invalidField } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import type { Actor } from '../../identity/index.ts';
import type { TReferralReplyInput } from '../sanction-contracts.ts';
import { assertSanctionTeam } from '../sanction-policy.ts';
import { type ReferralReply, sanctions } from '../sanction-tables.ts';
import { auditActorOf, conflict, loadSanctionForChange } from './sanction-store.ts';

/**
 * Public security's written answer to a referral for refusing to perform (Criminal Law art. 313):
 * the case was accepted (立案) or declined. Without one within 60 days the applicant may bring a
 * private prosecution (拒执罪解释 2024) — the sanction shows that; an answer may still come later.
 * Recorded once (409), by the case team, on a referral decided by a court leader.
 */
export async function recordReferralReply(
  db: Db,
  actor: Actor,
  sanctionId: string,
  input: TReferralReplyInput,
): Promise<{ id: string; reply: ReferralReply }> {
  const today = clock.today();
  if (compareIsoDates(input.repliedOn, today) > 0)
    throw invalidField('repliedOn', '答复日期不能晚于今天', 'The reply cannot be in the future');
  return db.transaction(async (tx) => {
    const { s, c } = await loadSanctionForChange(tx, actor, sanctionId);
    assertSanctionTeam(actor, c);
    if (s.kind !== 'refusalReferral') throw conflict('不是拒执罪移送', 'Not a referral');
    if (s.status !== 'decided' || s.decidedOn === null) throw conflict('尚未移送', 'Not transferred');
    if (s.referralReply !== null) throw conflict('已记录公安机关答复', 'The reply is already recorded');
    if (compareIsoDates(input.repliedOn, s.decidedOn) < 0)
      throw invalidField('repliedOn', '答复日期不能早于移送日期', 'The reply cannot precede the transfer');
    await tx
      .update(sanctions)
      .set({
        referralReply: input.outcome,
        referralRepliedOn: input.repliedOn,
        referralReplyNote: input.note?.trim() || null,
        referralRecordedByName: actor.displayName,
      })
      .where(eq(sanctions.id, s.id));
    await appendAudit(tx, {
      actor: auditActorOf(actor),
      action: 'procedures.sanction.referral-reply',
      objectType: 'case',
      objectId: c.id,
      detail: { sanctionId: s.id, outcome: input.outcome, repliedOn: input.repliedOn },
    });
    return { id: s.id, reply: input.outcome };
  });
}

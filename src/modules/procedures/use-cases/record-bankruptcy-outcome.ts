import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { invalidField } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import { ClosingType, closeCase, loadCaseContext, NodeKind } from '../../cases/index.ts';
import type { Actor } from '../../identity/index.ts';
import type { TOutcomeInput } from '../bankruptcy-contracts.ts';
import { assertOutcomeRecorder } from '../bankruptcy-policy.ts';
import { bankruptcyReferralOutcomes, bankruptcyReferrals } from '../bankruptcy-tables.ts';
import { caseEffectOf, type ReferralStatus, statusAfterOutcome } from '../rules/bankruptcy-referral.ts';
import { loadReferral } from './bankruptcy-referral-store.ts';
import { recordTeamNode } from './record-team-node.ts';
import { auditActorOf, conflict } from './settlement-store.ts';

/**
 * The receiving court's ruling, recorded by the case judge or a leader of the court (CPL-I arts.
 * 512–514): accepted — enforcement stays suspended and the measures on the debtor's property are
 * to be released (the note says so; the release itself is the inquiry module's business);
 * declared bankrupt — the case is closed as 终结执行 through the cases module's close; not accepted
 * (or dismissed after acceptance) — enforcement resumes, ordinary claims then paid in the order of
 * seizure. One transaction: the case's change, the ruling and the referral's status together.
 */
export async function recordBankruptcyOutcome(
  db: Db,
  actor: Actor,
  referralId: string,
  input: TOutcomeInput,
): Promise<{ id: string; status: ReferralStatus; caseStatus: string; closingType: string | null }> {
  const today = clock.today();
  if (input.ruledOn > today) {
    throw invalidField('ruledOn', '裁定日期不能晚于今天', 'The ruling cannot be dated in the future');
  }
  return db.transaction(async (tx) => {
    const r = await loadReferral(tx, referralId, { forUpdate: true });
    const c = await loadCaseContext(tx, actor, r.caseId, { forUpdate: true });
    assertOutcomeRecorder(actor, c);
    if (input.ruledOn < r.decidedOn) {
      throw invalidField('ruledOn', '裁定日期不能早于移送日期', 'The ruling cannot precede the referral');
    }
    const status = statusAfterOutcome(r.status, input.outcome);
    if (status === null) {
      throw conflict(
        '该移送案件已有结果，不能再登记此项裁定',
        'The referral has already ended, or this ruling cannot follow',
      );
    }
    const ruling = `${r.receivingCourtName}${input.rulingNumber}（${input.ruledOn}）`;
    const note = input.note ? `。${input.note}` : '';
    let caseStatus = c.status;
    let closingType: string | null = null;
    const effect = caseEffectOf[input.outcome];
    if (effect === 'terminate') {
      if (c.status !== 'closed') {
        // CPL-I art. 513: once the debtor is declared bankrupt, enforcement against it is terminated.
        const closed = await closeCase(tx, actor, c.id, {
          closingType: ClosingType.terminated,
          reason: `被执行人${r.respondentName}经${ruling}宣告破产，依照《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第五百一十三条终结执行${note}`,
        });
        caseStatus = closed.status;
        closingType = closed.closingType;
      }
    } else if (c.status === 'closed') {
      throw conflict('案件已结案', 'The case is closed');
    } else if (effect === 'resume') {
      // Resumed by hand meanwhile: the ruling is still recorded, as a note.
      await recordTeamNode(
        tx,
        actor,
        c,
        {
          kind: c.status === 'suspended' ? NodeKind.resumed : NodeKind.other,
          note: `${ruling}不予受理（或驳回）对被执行人${r.respondentName}的破产申请，恢复执行；普通债权按照查封、扣押、冻结财产的先后顺序清偿${note}`,
        },
        `procedures.bankruptcy-outcome:${r.id}:${input.outcome}`,
      );
      caseStatus = 'inProgress';
    } else {
      await recordTeamNode(
        tx,
        actor,
        c,
        {
          kind: NodeKind.other,
          note: `${ruling}受理对被执行人${r.respondentName}的破产申请：继续中止执行，应解除对其财产的保全措施并移交财产${note}`,
        },
        `procedures.bankruptcy-outcome:${r.id}:${input.outcome}`,
      );
    }
    const now = clock.now();
    await tx.insert(bankruptcyReferralOutcomes).values({
      id: randomUUID(),
      referralId: r.id,
      outcome: input.outcome,
      ruledOn: input.ruledOn,
      rulingNumber: input.rulingNumber,
      note: input.note ?? '',
      recordedAt: now,
      recordedBy: actor.userId,
      recordedByName: actor.displayName,
    });
    await tx
      .update(bankruptcyReferrals)
      .set({ status, updatedAt: now })
      .where(eq(bankruptcyReferrals.id, r.id));
    await appendAudit(tx, {
      actor: auditActorOf(actor),
      action: 'procedures.bankruptcy-referral.outcome',
      objectType: 'case',
      objectId: c.id,
      detail: { referralId: r.id, outcome: input.outcome, rulingNumber: input.rulingNumber },
    });
    return { id: r.id, status, caseStatus, closingType };
  });
}

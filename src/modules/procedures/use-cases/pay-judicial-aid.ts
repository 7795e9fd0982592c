import { eq } from 'drizzle-orm';
import { formatYuan } from '../../../kernel/index.ts';
import { clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { invalidField } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import { loadCaseContext, NodeKind } from '../../cases/index.ts';
import type { Actor } from '../../identity/index.ts';
import type { TAidPayment } from '../aid-contracts.ts';
import { assertAidPayer } from '../aid-policy.ts';
import { judicialAid } from '../aid-tables.ts';
import { loadAid } from './judicial-aid-store.ts';
import { recordTeamNode } from './record-team-node.ts';
import { auditActorOf, conflict } from './settlement-store.ts';

/**
 * The approved aid was paid to the applicant from the aid fund (司法救助资金), outside the case
 * account: the funds module has no flow for money that does not come from the respondent, so the
 * payment is recorded here with the bank's reference. The whole approved amount is paid at once.
 * It goes on the case timeline ("其他" with a note) while the case is open; a closed (终本) case
 * takes no node, and the aid stays on its aid page. From now on money recovered in the case repays
 * the aid first (意见: 救助后执行到位的款项，应当优先偿还救助金): the amount is stored with the aid.
 */
export async function payJudicialAid(
  db: Db,
  actor: Actor,
  aidId: string,
  input: TAidPayment,
): Promise<{
  id: string;
  status: 'paid';
  paidFen: number;
  isNodeRecorded: boolean;
  repayFromRecoveryFen: number;
}> {
  const today = clock.today();
  if (input.paidOn > today) {
    throw invalidField('paidOn', '发放日期不能晚于今天', 'The payment cannot be dated in the future');
  }
  return db.transaction(async (tx) => {
    const aid = await loadAid(tx, aidId, { forUpdate: true });
    const c = await loadCaseContext(tx, actor, aid.caseId, { forUpdate: true });
    assertAidPayer(actor, c);
    if (aid.status !== 'approved' || aid.approvedFen === null || aid.decidedOn === null) {
      throw conflict(
        aid.status === 'paid' ? '救助金已发放' : '救助申请尚未批准',
        aid.status === 'paid' ? 'The aid has already been paid' : 'The aid has not been approved',
      );
    }
    if (input.paidOn < aid.decidedOn) {
      throw invalidField('paidOn', '发放日期不能早于批准日期', 'The payment cannot precede the approval');
    }
    const paidFen = aid.approvedFen;
    const isNodeRecorded = c.status !== 'closed';
    if (isNodeRecorded) {
      await recordTeamNode(
        tx,
        actor,
        c,
        {
          kind: NodeKind.other,
          occurredOn: input.paidOn,
          note: `司法救助：向申请执行人${aid.applicantName}发放救助金${formatYuan(paidFen)}元（银行流水号${input.bankReference}）；救助不免除被执行人的债务，此后执行到位的款项优先偿还救助金${input.note ? `。${input.note}` : ''}`,
        },
        `procedures.judicial-aid-paid:${aid.id}`,
      );
    }
    await tx
      .update(judicialAid)
      .set({
        status: 'paid',
        paidOn: input.paidOn,
        paidFen,
        bankReference: input.bankReference,
        paidAt: clock.now(),
        paidBy: actor.userId,
        paidByName: actor.displayName,
        repayFromRecoveryFen: paidFen,
      })
      .where(eq(judicialAid.id, aid.id));
    await appendAudit(tx, {
      actor: auditActorOf(actor),
      action: 'procedures.judicial-aid.pay',
      objectType: 'case',
      objectId: c.id,
      detail: { aidId: aid.id, paidFen, bankReference: input.bankReference, isNodeRecorded },
    });
    return { id: aid.id, status: 'paid' as const, paidFen, isNodeRecorded, repayFromRecoveryFen: paidFen };
  });
}

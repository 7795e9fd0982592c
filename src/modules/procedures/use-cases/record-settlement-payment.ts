import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { chinaDateOf, compareIsoDates, formatYuan, latestIsoDate } from '../../../kernel/index.ts';
import { clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { invalidField } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import { ClosingType, loadCaseContext, NodeKind, recordNode } from '../../cases/index.ts';
import type { Actor } from '../../identity/index.ts';
import type { TPaymentInput } from '../contracts.ts';
import { assertSettlementTeam } from '../policy.ts';
import { standingOn } from '../rules/settlement.ts';
import { settlementPayments, settlements } from '../tables.ts';
import {
  asPayments,
  auditActorOf,
  conflict,
  instalmentsOf,
  loadSettlement,
  paymentsOf,
} from './settlement-store.ts';

/**
 * A payment the respondent made to the applicant directly under the settlement (as the applicant
 * confirms it). It goes to the earliest instalments first; once every instalment is paid the
 * settlement is performed (执行和解规定 art. 8) and the timeline says the case may be closed as
 * fulfilled (执行完毕) — closing stays the judge's act, through the close endpoint.
 *
 * Not booked as "已执行到位" on the case: cases' `recordRecovered` holds the funds ledger's total
 * (the funds flow overwrites it at every booking), and this money never passed the case account.
 */
export async function recordSettlementPayment(
  db: Db,
  actor: Actor,
  settlementId: string,
  input: TPaymentInput,
): Promise<{
  id: string;
  settlementStatus: 'active' | 'performed';
  paidFen: number;
  outstandingFen: number;
}> {
  const today = clock.today();
  if (compareIsoDates(input.paidOn, today) > 0)
    throw invalidField('paidOn', '付款日期不能晚于今天', 'The payment date cannot be in the future');
  return db.transaction(async (tx) => {
    const s = await loadSettlement(tx, settlementId, { forUpdate: true });
    const c = await loadCaseContext(tx, actor, s.caseId);
    assertSettlementTeam(actor, c);
    if (s.status !== 'active') {
      throw conflict('执行和解协议已不在履行中', 'The settlement is no longer being performed');
    }
    if (c.status === 'closed') throw conflict('案件已结案', 'The case is closed');
    if (compareIsoDates(input.paidOn, chinaDateOf(s.createdAt)) < 0) {
      throw invalidField(
        'paidOn',
        '付款日期不能早于达成和解之日',
        'The payment cannot precede the settlement',
      );
    }
    const plan = (await instalmentsOf(tx, [s.id])).get(s.id) ?? [];
    const earlier = asPayments((await paymentsOf(tx, [s.id])).get(s.id) ?? []);
    const outstanding = standingOn(plan, earlier, latestIsoDate).outstandingFen;
    if (input.amountFen > outstanding) {
      throw invalidField(
        'amountFen',
        `超过尚未履行的${formatYuan(outstanding)}元`,
        `More than the ${formatYuan(outstanding)} yuan outstanding`,
      );
    }
    const id = randomUUID();
    const note = input.note?.trim() ?? '';
    await tx.insert(settlementPayments).values({
      id,
      settlementId: s.id,
      caseId: s.caseId,
      paidOn: input.paidOn,
      amountFen: input.amountFen,
      note,
      recordedAt: clock.now(),
      recordedBy: actor.userId,
      recordedByName: actor.displayName,
    });
    const standing = standingOn(
      plan,
      [...earlier, { paidOn: input.paidOn, amountFen: input.amountFen }],
      latestIsoDate,
    );
    if (standing.isFullyPaid) {
      await tx
        .update(settlements)
        .set({
          status: 'performed',
          endedAt: clock.now(),
          endedBy: actor.userId,
          endedByName: actor.displayName,
          endedOn: input.paidOn,
        })
        .where(eq(settlements.id, s.id));
      await recordNode(
        tx,
        actor,
        c.id,
        {
          kind: NodeKind.other,
          note: `执行和解协议已全部履行（${formatYuan(standing.totalFen)}元），可以执行完毕结案`,
          occurredOn: input.paidOn,
        },
        { sourceKey: `procedures.settlement-performed:${s.id}` },
      );
    }
    await appendAudit(tx, {
      actor: auditActorOf(actor),
      action: 'procedures.settlement.payment',
      objectType: 'case',
      objectId: c.id,
      detail: {
        settlementId: s.id,
        paymentId: id,
        amountFen: input.amountFen,
        isPerformed: standing.isFullyPaid,
        ...(standing.isFullyPaid && { closingType: ClosingType.fulfilled }),
      },
    });
    return {
      id,
      settlementStatus: standing.isFullyPaid ? ('performed' as const) : ('active' as const),
      paidFen: standing.paidFen,
      outstandingFen: standing.outstandingFen,
    };
  });
}

import { randomUUID } from 'node:crypto';
import { eq, sum } from 'drizzle-orm';
import { compareIsoDates, formatYuan } from '../../../kernel/index.ts';
import { clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { invalidField } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import type { Actor } from '../../identity/index.ts';
import type { TFinePaymentInput } from '../sanction-contracts.ts';
import { assertSanctionTeam } from '../sanction-policy.ts';
import { finePayments } from '../sanction-tables.ts';
import { auditActorOf, conflict, loadSanctionForChange } from './sanction-store.ts';

/**
 * A fine paid, as the receipt shows. Fines go to the treasury (上缴国库) through the court's
 * non-tax revenue account, never through the case account (一案一账号), which holds the
 * applicant's money: so the payment is recorded here, and not booked in the funds ledger. A
 * review under way does not stop it (CPL art. 119); a revoked fine takes no payment (409).
 */
export async function recordFinePayment(
  db: Db,
  actor: Actor,
  sanctionId: string,
  input: TFinePaymentInput,
): Promise<{ id: string; paidFen: number; outstandingFen: number; isPaid: boolean }> {
  const today = clock.today();
  if (compareIsoDates(input.paidOn, today) > 0)
    throw invalidField('paidOn', '缴款日期不能晚于今天', 'The payment date cannot be in the future');
  return db.transaction(async (tx) => {
    const { s, c } = await loadSanctionForChange(tx, actor, sanctionId);
    assertSanctionTeam(actor, c);
    if (s.kind !== 'fine' || s.amountFen === null) throw conflict('不是罚款决定', 'Not a fine');
    if (s.status !== 'decided' || s.decidedOn === null)
      throw conflict('罚款决定未生效或已撤销', 'The fine is not in force');
    if (compareIsoDates(input.paidOn, s.decidedOn) < 0)
      throw invalidField('paidOn', '缴款日期不能早于罚款决定日期', 'The payment cannot precede the decision');
    const [paid] = await tx
      .select({ total: sum(finePayments.amountFen).mapWith(Number) })
      .from(finePayments)
      .where(eq(finePayments.sanctionId, s.id));
    const paidBefore = paid?.total ?? 0;
    const outstanding = s.amountFen - paidBefore;
    if (outstanding <= 0) throw conflict('罚款已缴清', 'The fine is paid in full');
    if (input.amountFen > outstanding) {
      throw invalidField(
        'amountFen',
        `超过尚未缴纳的${formatYuan(outstanding)}元`,
        `More than the ${formatYuan(outstanding)} yuan outstanding`,
      );
    }
    const id = randomUUID();
    await tx.insert(finePayments).values({
      id,
      sanctionId: s.id,
      caseId: c.id,
      paidOn: input.paidOn,
      amountFen: input.amountFen,
      note: input.note?.trim() ?? '',
      recordedAt: clock.now(),
      recordedBy: actor.userId,
      recordedByName: actor.displayName,
    });
    const paidFen = paidBefore + input.amountFen;
    await appendAudit(tx, {
      actor: auditActorOf(actor),
      action: 'procedures.sanction.fine-payment',
      objectType: 'case',
      objectId: c.id,
      detail: { sanctionId: s.id, paymentId: id, amountFen: input.amountFen, paidFen },
    });
    return { id, paidFen, outstandingFen: s.amountFen - paidFen, isPaid: paidFen === s.amountFen };
  });
}

import { formatYuan } from '../../kernel/index.ts';
import { clock } from '../../platform/clock.ts';
import type { Tx } from '../../platform/db.ts';
import { defineSubscriber, on } from '../../platform/events.ts';
import { caseFiled } from '../cases/index.ts';
import { deducted } from '../inquiry/index.ts';
import { queueInApp, queueSms } from '../notify/index.ts';
import { disbursementPaid, moneyReceived } from './events.ts';
import { findCaseAccount, loadCaseAsCourt, openCaseAccount } from './use-cases/accounts.ts';
import { bookArrivals } from './use-cases/book-arrivals.ts';

/** Every case gets its account number at filing (一案一账号). */
const openAccountAtFiling = on(caseFiled, async (tx, e) => {
  await openCaseAccount(tx, await loadCaseAsCourt(tx, e.caseId, e.courtId));
});

/**
 * A deduction (扣划) through online inquiry is money arriving for the case: booked as an arrival,
 * once — its transfer id is the serial, whichever of the event and the bank's notice comes first.
 */
const bookDeduction = on(deducted, async (tx, e) => {
  const account = await findCaseAccount(tx, e.caseId);
  if (!account) throw new Error(`case ${e.caseId} has no account yet; the filing subscriber opens it`);
  await bookArrivals(
    tx,
    [
      {
        serial: `deduction:${e.transferId}`,
        toAccount: account.accountNumber,
        amountFen: e.amountFen,
        payerName: '网络查控扣划 / deduction',
        payerAccount: '',
        receivedAt: clock.now().toISOString(),
      },
    ],
    { source: 'deduction' },
  );
});

export const fundsBookings = defineSubscriber('funds.bookings', openAccountAtFiling, bookDeduction);

async function caseFacts(tx: Tx, caseId: string, courtId: string) {
  const c = await loadCaseAsCourt(tx, caseId, courtId);
  const team = [c.team.judgeId, c.team.assistantId, c.team.clerkId].filter((id): id is string => id !== null);
  return { c, team };
}

/**
 * The applicant learns by SMS when money arrives for the case and when it is paid out (seed 003
 * item 35); the case team gets an in-app message. Once per receipt and per disbursement.
 */
const tellOfArrival = on(moneyReceived, async (tx, e) => {
  const { c, team } = await caseFacts(tx, e.caseId, e.courtId);
  for (const applicant of c.applicants) {
    await queueSms(tx, {
      dedupeKey: `funds.arrival:${e.receiptId}:${applicant.id}`,
      to: applicant.phone,
      text: `【执行】${c.caseNumber}案有执行款${formatYuan(e.amountFen)}元到账，法院将依法审核发放。`,
      kind: 'funds.arrived',
      caseId: c.id,
      courtId: c.courtId,
    });
  }
  await queueInApp(tx, {
    dedupeKey: `funds.arrival:${e.receiptId}`,
    userIds: team,
    title: `执行款到账 ¥${formatYuan(e.amountFen)}`,
    body: `${c.caseNumber}：执行款 ¥${formatYuan(e.amountFen)} 到账，请在 30 日内核算发放。`,
    kind: 'funds.arrived',
    caseId: c.id,
    courtId: c.courtId,
  });
});

/** A refund paid back to a respondent (退还被执行人) is told to the team only; the applicant gets no SMS of it. */
const tellOfPayout = on(disbursementPaid, async (tx, e) => {
  const { c, team } = await caseFacts(tx, e.caseId, e.courtId);
  const payee = c.applicants.find((p) => p.id === e.payeePartyId);
  const respondent = payee ? undefined : c.respondents.find((p) => p.id === e.payeePartyId);
  if (payee) {
    await queueSms(tx, {
      dedupeKey: `funds.paid:${e.disbursementId}`,
      to: payee.phone,
      text: `【执行】${c.caseNumber}案执行款${formatYuan(e.amountFen)}元已发放至您的账户，请查收。`,
      kind: 'funds.paid',
      caseId: c.id,
      courtId: c.courtId,
    });
  }
  await queueInApp(tx, {
    dedupeKey: `funds.paid:${e.disbursementId}`,
    userIds: team,
    title: respondent
      ? `执行款已退还 ¥${formatYuan(e.amountFen)}`
      : `执行款已发放 ¥${formatYuan(e.amountFen)}`,
    body: respondent
      ? `${c.caseNumber}：¥${formatYuan(e.amountFen)} 已退还被执行人 ${respondent.name}。`
      : `${c.caseNumber}：¥${formatYuan(e.amountFen)} 已付至 ${payee?.name ?? '申请执行人'}。`,
    kind: 'funds.paid',
    caseId: c.id,
    courtId: c.courtId,
  });
});

export const fundsNotices = defineSubscriber('funds.notices', tellOfArrival, tellOfPayout);

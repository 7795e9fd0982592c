import { sql } from 'drizzle-orm';
import { chinaDateOf } from '../../../kernel/index.ts';
import type { DbOrTx } from '../../../platform/db.ts';
import { publishEvent } from '../../../platform/events.ts';
import { disbursementPaid } from '../events.ts';
import { LedgerAccount, postJournals } from '../ledger.ts';
import { DisbursementState, DrawsOn, findDisbursement, releaseReservation } from './disbursement-store.ts';

/**
 * The bank's result of a payment instruction, by notification or by polling, any number of times:
 * the first result of a disbursement in flight books it (paid: the payable — or the refund — leaves
 * the bank; failed: the money is payable, or back in the refund, again); every later one changes nothing.
 */
export async function settlePayment(
  tx: DbOrTx,
  result: {
    instructionId: string;
    status: 'paid' | 'failed';
    bankSerial?: string | undefined;
    settledAt: string;
    reason?: string | undefined;
  },
): Promise<'settled' | 'already' | 'unknown'> {
  const d = await findDisbursement(tx, { instructionId: result.instructionId }, { forUpdate: true });
  if (!d) return 'unknown';
  if (d.state !== DisbursementState.instructed && d.state !== DisbursementState.approved) return 'already';
  await tx.execute(sql`select 1 from funds.case_balances where case_id = ${d.caseId}::uuid for update`);
  await releaseReservation(tx, d);
  if (result.status === 'failed') {
    await tx.execute(sql`update funds.disbursements set state = 'failed', failure_reason = ${result.reason ?? ''},
      settled_at = ${result.settledAt}::timestamptz, updated_at = now() where id = ${d.id}::uuid`);
    return 'settled';
  }
  // A refund leaves the case's refund bucket (退还被执行人), a payout the applicant's payable; both are paid.
  const isRefund = d.drawsOn === DrawsOn.refund;
  const [journal] = await postJournals(tx, [
    {
      courtId: d.courtId,
      caseId: d.caseId,
      kind: isRefund ? 'refund.payout' : 'payout',
      reference: d.instructionId,
      lines: [
        {
          account: isRefund ? LedgerAccount.refund : LedgerAccount.payable,
          amountFen: d.amountFen,
          partyId: d.payeePartyId,
        },
        { account: LedgerAccount.paid, amountFen: -d.amountFen },
        { account: LedgerAccount.courtPaidOut, amountFen: d.amountFen },
        { account: LedgerAccount.courtBank, amountFen: -d.amountFen },
      ],
    },
  ]);
  await tx.execute(sql`update funds.disbursements set state = 'paid', bank_serial = ${result.bankSerial ?? null},
      settled_at = ${result.settledAt}::timestamptz, journal_id = ${journal?.id ?? null}::uuid, updated_at = now()
    where id = ${d.id}::uuid`);
  await publishEvent(
    tx,
    disbursementPaid,
    {
      caseId: d.caseId,
      courtId: d.courtId,
      disbursementId: d.id,
      payeePartyId: d.payeePartyId,
      amountFen: d.amountFen,
      paidOn: chinaDateOf(new Date(result.settledAt)),
    },
    { aggregateId: d.caseId },
  );
  return 'settled';
}

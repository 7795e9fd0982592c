import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../../platform/db.ts';
import { enqueueJob } from '../../../../platform/jobs.ts';
import { releaseSelfDisposalJob } from '../jobs/release-seal.ts';
import { allocateReceipt, countsTowardSale } from '../rules/self-disposal.ts';
import { selfDisposalReceipts, selfDisposals } from '../tables.ts';
import { auditSelfDisposal } from './self-disposal-store.ts';

/**
 * Money booked into a case account (funds' `funds.money-received`, each receipt once) may be the
 * price of a self-disposal's sale: a receipt that arrives from the day the sale was recorded to
 * the period's last day counts towards it, earliest sale first. Once the price is reached the
 * self-disposal is `paid` and — only then — the release of the seal is queued (release-seal.ts).
 * A receipt seen twice counts once.
 */
export async function applySelfDisposalPayment(
  tx: DbOrTx,
  e: { caseId: string; receiptId: string; amountFen: number; receivedOn: string },
): Promise<string[]> {
  const awaiting = await tx
    .select()
    .from(selfDisposals)
    .where(
      and(
        eq(selfDisposals.caseId, e.caseId),
        eq(selfDisposals.state, 'open'),
        isNotNull(selfDisposals.salePriceFen),
      ),
    )
    .orderBy(asc(selfDisposals.saleRecordedAt), asc(selfDisposals.id))
    .for('update');
  const counting = awaiting.filter((sd) => countsTowardSale(sd, e.receivedOn));
  if (counting.length === 0) return [];
  const [seen] = await tx
    .select({ id: selfDisposalReceipts.selfDisposalId })
    .from(selfDisposalReceipts)
    .where(eq(selfDisposalReceipts.receiptId, e.receiptId))
    .limit(1);
  if (seen) return [];
  const allocations = allocateReceipt(
    counting.map((sd) => ({ id: sd.id, salePriceFen: sd.salePriceFen ?? 0, paidFen: sd.paidFen })),
    e.amountFen,
  );
  const paid: string[] = [];
  for (const a of allocations) {
    const sd = counting.find((s) => s.id === a.id);
    if (!sd) continue;
    await tx.insert(selfDisposalReceipts).values({
      receiptId: e.receiptId,
      selfDisposalId: a.id,
      amountFen: a.amountFen,
      receivedOn: e.receivedOn,
    });
    await tx
      .update(selfDisposals)
      .set({
        paidFen: a.paidFen,
        ...(a.isFullyPaid ? { state: 'paid' as const, paidOn: e.receivedOn } : {}),
        updatedAt: sql`now()`,
      })
      .where(eq(selfDisposals.id, a.id));
    await auditSelfDisposal(tx, null, sd, a.isFullyPaid ? 'paid' : 'payment', {
      receiptId: e.receiptId,
      amountFen: a.amountFen,
      paidFen: a.paidFen,
      receivedOn: e.receivedOn,
    });
    if (a.isFullyPaid) {
      // The seal is released only now that the whole price is in the case account.
      await enqueueJob(tx, releaseSelfDisposalJob, { selfDisposalId: a.id }, { singletonKey: a.id });
      paid.push(a.id);
    }
  }
  return paid;
}

import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { clock } from '../../../platform/clock.ts';
import type { Db, DbOrTx } from '../../../platform/db.ts';
import { publishEvent } from '../../../platform/events.ts';
import { lotDefaulted, lotSold } from '../auction-events.ts';
import { findDeposit, findLotsWhere, type LotRow, notifyLotState } from '../auction-store.ts';
import { isFullyPaid, isInDefault, matchPayment, rulingDueOn } from '../rules/auction-rounds.ts';

/**
 * The price of a closed lot arriving in the case account, told by the funds module's
 * `funds.money-received` (each receipt once): the captured deposit and the balance are recognised
 * by their amounts — the winner is told to pay exactly the balance — and once both are in, the
 * confirmation ruling (成交确认裁定) is recorded, due within 10 days, and the lot is `sold`. A
 * balance still unpaid after its due date is a default (悔拍, 网拍规定 art. 24).
 */
export async function applyMoneyReceived(
  tx: DbOrTx,
  e: { caseId: string; receiptId: string; amountFen: number; receivedOn: string },
): Promise<'capture' | 'balance' | null> {
  const awaiting = await findLotsWhere(
    tx,
    sql`l.case_id = ${e.caseId}::uuid and b.state = 'closed' and l.paid_on is null`,
    sql`order by l.closed_at, l.id for update of b`,
  );
  for (const lot of awaiting) {
    const payment = paymentFacts(lot);
    const role = matchPayment(payment, e.amountFen);
    if (role === null) continue;
    await tx.execute(sql`update disposal.lots set ${role === 'capture' ? sql`capture_receipt_id` : sql`balance_receipt_id`}
        = ${e.receiptId}::uuid, updated_at = now() where id = ${lot.id}::uuid`);
    const after = {
      ...payment,
      hasCaptureReceipt: payment.hasCaptureReceipt || role === 'capture',
      hasBalanceReceipt: payment.hasBalanceReceipt || role === 'balance',
    };
    if (isFullyPaid(after)) await markSold(tx, lot, e.receivedOn);
    return role;
  }
  return null;
}

function paymentFacts(lot: LotRow) {
  const capturedFen = lot.capturedFen ?? 0;
  return {
    capturedFen,
    balanceFen: Math.max(0, (lot.priceFen ?? 0) - capturedFen),
    hasCaptureReceipt: lot.captureReceiptId !== null,
    hasBalanceReceipt: lot.balanceReceiptId !== null,
  };
}

async function markSold(tx: DbOrTx, lot: LotRow, paidOn: string): Promise<void> {
  const priceFen = lot.priceFen ?? 0;
  const today = clock.today();
  const dueOn = rulingDueOn(paidOn);
  await tx.execute(sql`update disposal.lot_bidding set state = 'sold' where lot_id = ${lot.id}::uuid`);
  await tx.execute(
    sql`update disposal.lots set paid_on = ${paidOn}::date, updated_at = now() where id = ${lot.id}::uuid`,
  );
  await tx.execute(sql`insert into disposal.confirmation_rulings (id, lot_id, deposit_id, price_fen, paid_on, due_on, issued_on)
    values (${randomUUID()}::uuid, ${lot.id}::uuid, ${lot.winnerDepositId}::uuid, ${priceFen}, ${paidOn}::date,
      ${dueOn}::date, ${today}::date) on conflict (lot_id) do nothing`);
  await publishEvent(
    tx,
    lotSold,
    {
      lotId: lot.id,
      caseId: lot.caseId,
      courtId: lot.courtId,
      assetId: lot.assetId,
      how: lot.salePriceFen !== null ? 'sale' : 'auction',
      priceFen,
      paidOn,
      rulingDueOn: dueOn,
    },
    { aggregateId: lot.caseId },
  );
  const winner = lot.winnerDepositId ? await findDeposit(tx, sql`id = ${lot.winnerDepositId}::uuid`) : null;
  await notifyLotState(tx, lot, 'sold', { winnerBidderNumber: winner?.bidderNumber ?? null, priceFen });
}

/**
 * 网拍规定 art. 24 (悔拍): a winner who has not paid the balance after its due date defaults. The
 * deposit stays in the case account, forfeited (applied to the auction's costs, then a shortfall
 * on resale, then the debt); the defaulter may not bid for the asset again; the lot awaits its resale.
 */
export async function defaultOverdueLots(db: Db, today = clock.today()): Promise<number> {
  return db.transaction(async (tx) => {
    const overdue = await findLotsWhere(
      tx,
      sql`b.state = 'closed' and l.paid_on is null and l.balance_due_on < ${today}::date`,
      sql`order by l.balance_due_on limit 500 for update of b skip locked`,
    );
    let count = 0;
    for (const lot of overdue) {
      if (lot.balanceDueOn === null || !isInDefault(lot.balanceDueOn, today, false)) continue;
      const winner = lot.winnerDepositId
        ? await findDeposit(tx, sql`id = ${lot.winnerDepositId}::uuid`)
        : null;
      await tx.execute(
        sql`update disposal.lot_bidding set state = 'defaulted' where lot_id = ${lot.id}::uuid`,
      );
      await tx.execute(sql`update disposal.lots set defaulted_on = ${today}::date, updated_at = now()
        where id = ${lot.id}::uuid`);
      if (winner) {
        await tx.execute(sql`insert into disposal.barred_bidders (asset_id, id_number, lot_id, barred_on)
          values (${lot.assetId}::uuid, ${winner.idNumber}, ${lot.id}::uuid, ${today}::date)
          on conflict (asset_id, id_number) do nothing`);
      }
      await publishEvent(
        tx,
        lotDefaulted,
        {
          lotId: lot.id,
          caseId: lot.caseId,
          courtId: lot.courtId,
          assetId: lot.assetId,
          forfeitedFen: lot.capturedFen ?? 0,
          defaultedOn: today,
        },
        { aggregateId: lot.caseId },
      );
      await notifyLotState(tx, lot, 'defaulted', { winnerBidderNumber: winner?.bidderNumber ?? null });
      count += 1;
    }
    return count;
  });
}

/** A sale window (变卖) past its last day with nobody paying ends; the team decides what follows. */
export async function endSaleWindows(db: Db, today = clock.today()): Promise<number> {
  return db.transaction(async (tx) => {
    const ended = await findLotsWhere(
      tx,
      sql`b.state = 'saleOpen' and l.sale_ends_on < ${today}::date`,
      sql`limit 500 for update of b skip locked`,
    );
    for (const lot of ended) {
      await tx.execute(
        sql`update disposal.lot_bidding set state = 'saleEnded' where lot_id = ${lot.id}::uuid`,
      );
      await notifyLotState(tx, lot, 'saleEnded');
    }
    return ended.length;
  });
}

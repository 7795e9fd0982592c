import { sql } from 'drizzle-orm';
import { chinaDateOf, formatYuan } from '../../../kernel/index.ts';
import { clock } from '../../../platform/clock.ts';
import type { Db, DbOrTx } from '../../../platform/db.ts';
import { publishEvent } from '../../../platform/events.ts';
import { findCaseAccount } from '../../funds/index.ts';
import { queueSms } from '../../notify/index.ts';
import { lotClosed } from '../auction-events.ts';
import { findLot, findLotsWhere, type LotRow, listDeposits, notifyLotState } from '../auction-store.ts';
import { queueNextSteps } from '../jobs/auction-deposit-jobs.ts';
import { balanceDueOn } from '../rules/auction-rounds.ts';

/**
 * The close of a lot's bidding, when the one clock passes its end (网拍规定 art. 20) — by the
 * scheduled job whether or not anyone watches, and lazily whenever the lot is read or bid on after
 * its end; whichever comes first closes it, under the bidding row's lock, once. The leader wins at
 * the current price and owes the balance by the announced period; with no bid the round fails.
 * Every other deposit is released at once (art. 25: within 24 hours), the winner's captured into the
 * case account.
 */
export async function closeLotIfDue(db: Db, lotId: string, nowMs = clock.nowMs()): Promise<boolean> {
  return db.transaction(async (tx) => {
    const lot = await findLot(tx, lotId, { forUpdate: true });
    if (!lot || (lot.state !== 'announced' && lot.state !== 'bidding') || nowMs < lot.endsAtMs) return false;
    await closeLockedLot(tx, lot);
    return true;
  });
}

async function closeLockedLot(tx: DbOrTx, lot: LotRow): Promise<void> {
  // The round ended at its end, whenever the close is written: the dates count from it.
  const closedAt = new Date(lot.endsAtMs);
  const closedOn = chinaDateOf(closedAt);
  const winner = lot.leaderDepositId;
  const isWon = winner !== null && lot.currentPriceFen !== null;
  await tx.execute(sql`update disposal.lot_bidding set state = ${isWon ? 'closed' : 'failed'}
    where lot_id = ${lot.id}::uuid`);
  // The lot's own row before its deposits (the order every deposit answer takes, deposit-outcomes.ts):
  // a hold the bank confirms meanwhile is either in this list as held, or sees the lot closed.
  await tx.execute(sql`select 1 from disposal.lots where id = ${lot.id}::uuid for update`);
  const deposits = await listDeposits(tx, sql`lot_id = ${lot.id}::uuid and kind = 'deposit'`);
  const winnerDeposit = deposits.find((d) => d.id === winner);
  const dueOn = isWon ? balanceDueOn(closedOn, lot.balancePeriodDays) : null;
  await tx.execute(sql`update disposal.lots set closed_at = ${closedAt.toISOString()}::timestamptz,
      closed_on = ${closedOn}::date, winner_deposit_id = ${isWon ? winner : null}::uuid,
      price_fen = ${isWon ? lot.currentPriceFen : null}, balance_due_on = ${dueOn}::date,
      captured_fen = ${winnerDeposit?.amountFen ?? null}, updated_at = now()
    where id = ${lot.id}::uuid`);
  for (const d of deposits) {
    if (d.state !== 'held') continue;
    const isWinner = d.id === winner;
    await tx.execute(sql`update disposal.deposits set state = ${isWinner ? 'capturing' : 'releasing'},
        updated_at = now() where id = ${d.id}::uuid`);
    await queueNextSteps(tx, d.id, isWinner ? { capture: true } : { release: true });
  }
  if (isWon && winnerDeposit && dueOn && lot.currentPriceFen !== null) {
    await tellWinner(tx, lot, winnerDeposit, lot.currentPriceFen, dueOn);
  }
  await publishEvent(
    tx,
    lotClosed,
    {
      lotId: lot.id,
      caseId: lot.caseId,
      courtId: lot.courtId,
      assetId: lot.assetId,
      round: lot.round,
      outcome: isWon ? 'won' : 'failed',
      priceFen: isWon ? lot.currentPriceFen : null,
      balanceDueOn: dueOn,
      closedOn,
    },
    { aggregateId: lot.caseId },
  );
  await notifyLotState(tx, lot, isWon ? 'closed' : 'failed', {
    winnerBidderNumber: winnerDeposit?.bidderNumber ?? null,
    priceFen: isWon ? lot.currentPriceFen : null,
    endsAtMs: lot.endsAtMs,
  });
}

/**
 * The winner is told by SMS what to pay, where and by when: exactly the balance (price − the deposit
 * held), into the case's own account (一案一账号) — the amount by which its arrival is recognised.
 */
async function tellWinner(
  tx: DbOrTx,
  lot: LotRow,
  winner: { bidderId: string; bidderNumber: string | null; amountFen: number },
  priceFen: number,
  dueOn: string,
): Promise<void> {
  const [bidder] = await tx.execute<{ phone: string }>(
    sql`select phone from disposal.auction_bidders where id = ${winner.bidderId}::uuid`,
  );
  const account = await findCaseAccount(tx, lot.caseId);
  const balanceFen = priceFen - winner.amountFen;
  const where = account ? `至执行款账号${account.accountNumber}` : '至本案执行款账号';
  await queueSms(tx, {
    dedupeKey: `auction.won:${lot.id}`,
    to: bidder?.phone ?? null,
    text:
      `【执行】您以竞买号${winner.bidderNumber ?? ''}竞得“${lot.title.slice(0, 40)}”，成交价${formatYuan(priceFen)}元。` +
      (balanceFen > 0
        ? `请于${dueOn}前一次性缴纳余款${formatYuan(balanceFen)}元${where}，逾期视为悔拍，保证金不予退还。`
        : '保证金已足额抵作价款。'),
    kind: 'auction.won',
    caseId: lot.caseId,
    courtId: lot.courtId,
  });
}

/** Every lot whose end the clock has passed, closed (the scheduled job; idempotent). */
export async function closeDueLots(db: Db, nowMs = clock.nowMs()): Promise<number> {
  const due = await db.execute<{ lotId: string }>(sql`select lot_id as "lotId" from disposal.lot_bidding
    where state in ('announced', 'bidding') and ends_at <= ${new Date(nowMs).toISOString()}::timestamptz
    order by ends_at limit 1000`);
  let closed = 0;
  for (const { lotId } of due) if (await closeLotIfDue(db, lotId, nowMs)) closed += 1;
  return closed;
}

/** Announced lots whose bidding has begun are `bidding`, and their watchers told (the scheduled job). */
export async function startDueLots(db: Db, nowMs = clock.nowMs()): Promise<number> {
  return db.transaction(async (tx) => {
    const started = await findLotsWhere(
      tx,
      sql`b.state = 'announced' and b.bidding_starts_at <= ${new Date(nowMs).toISOString()}::timestamptz
        and b.ends_at > ${new Date(nowMs).toISOString()}::timestamptz`,
      sql`limit 1000 for update of b skip locked`,
    );
    for (const lot of started) {
      await tx.execute(sql`update disposal.lot_bidding set state = 'bidding' where lot_id = ${lot.id}::uuid`);
      await notifyLotState(tx, lot, 'bidding', { endsAtMs: lot.endsAtMs });
    }
    return started.length;
  });
}

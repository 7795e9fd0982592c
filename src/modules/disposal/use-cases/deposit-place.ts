import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { clock } from '../../../platform/clock.ts';
import type { Config } from '../../../platform/config.ts';
import type { Db, DbOrTx } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode } from '../../../platform/errors.ts';
import { enqueueJob } from '../../../platform/jobs.ts';
import { bankEndpoint } from '../../../platform/outside-world.ts';
import { appendAudit } from '../../audit/index.ts';
import { loadCaseContext } from '../../cases/index.ts';
import { systemActorFor } from '../../identity/index.ts';
import { type DepositRow, findDeposit, findLot, type LotRow } from '../auction-store.ts';
import { requestHold } from '../bank/deposit-holds.ts';
import { confirmHoldJob, holdRequestOf, queueNextSteps } from '../jobs/auction-deposit-jobs.ts';
import { requiredDepositFen } from '../rules/auction-rounds.ts';
import { assertMayBid, type Bidder } from './bidder-register.ts';
import { applyHoldCall, markHeld } from './deposit-outcomes.ts';

/**
 * A bidder's deposit for a lot (网拍规定 art. 17), held at the bank on the bidder's side; or, for a
 * lot for sale (变卖), the full price held and captured at once. The deposit is recorded
 * (`requested`) and committed before the bank is asked; the bank's answer makes it `held` with a
 * bidder number, or `refused`. Asked again, the same deposit answers the same (the same bidder
 * number); a bank that did not answer is asked again by a job with the same hold id.
 */
export type DepositAnswer = { bidderNumber: string | null; state: DepositRow['state']; amountFen: number };

function conflict(zh: string, en: string): AppError {
  return new AppError(ErrorCode.conflict, bi(zh, en));
}

function assertAccepting(lot: LotRow, kind: 'deposit' | 'purchase', nowMs: number, today: string): void {
  if (kind === 'deposit') {
    const isOpen = (lot.state === 'announced' || lot.state === 'bidding') && nowMs < lot.endsAtMs;
    if (!isOpen) throw conflict('该拍品已不接受报名', 'The lot no longer takes bidders');
    return;
  }
  if (lot.state !== 'saleOpen' || (lot.saleEndsOn !== null && today > lot.saleEndsOn)) {
    throw conflict('该拍品不在变卖期内', 'The lot is not for sale');
  }
}

/** 网拍规定 art. 24: a defaulting winner may not bid when the asset is auctioned again. */
async function assertNotBarred(tx: DbOrTx, lot: LotRow, idNumber: string): Promise<void> {
  const rows = await tx.execute<{ lotId: string }>(sql`select lot_id as "lotId" from disposal.barred_bidders
    where asset_id = ${lot.assetId}::uuid and id_number = ${idNumber}`);
  if (rows.length > 0) {
    const message = bi(
      '悔拍的买受人不得参加该财产的再次拍卖',
      'A defaulting winner may not bid for the asset again',
    );
    throw new AppError(ErrorCode.forbidden, message, [{ path: 'idNumber', message }]);
  }
}

/** The amount to hold: the deposit (less an applicant-creditor's claim), or a sale's full price. */
async function amountFor(tx: DbOrTx, lot: LotRow, bidder: Bidder, kind: 'deposit' | 'purchase') {
  if (kind === 'purchase') return { amountFen: lot.salePriceFen ?? 0, isCreditor: false };
  const system = await systemActorFor(tx, lot.courtId);
  if (!system) return { amountFen: lot.depositFen, isCreditor: false };
  const c = await loadCaseContext(tx, system, lot.caseId);
  const isCreditor = c.applicants.some((a) => a.idNumber !== null && a.idNumber === bidder.idNumber);
  // 网拍规定 art. 17: a bidding applicant-creditor pays only what exceeds its claim.
  const claim = isCreditor ? c.claimAmountFen - c.recoveredFen : null;
  return {
    amountFen: requiredDepositFen(lot.depositFen, claim === null ? null : Math.max(0, claim)),
    isCreditor,
  };
}

async function recordRequest(db: Db, bidder: Bidder, lotId: string, kind: 'deposit' | 'purchase') {
  const nowMs = clock.nowMs();
  const today = clock.today();
  return db.transaction(async (tx) => {
    const lot = await findLot(tx, lotId);
    if (!lot) throw new AppError(ErrorCode.notFound, bi('拍品不存在', 'Lot not found'));
    await assertMayBid(tx, bidder.idNumber);
    await assertNotBarred(tx, lot, bidder.idNumber);
    const existing = await findDeposit(
      tx,
      sql`lot_id = ${lot.id}::uuid and bidder_id = ${bidder.id}::uuid and kind = ${kind}`,
      { forUpdate: true },
    );
    if (existing && existing.state !== 'refused') return existing;
    assertAccepting(lot, kind, nowMs, today);
    const { amountFen, isCreditor } = await amountFor(tx, lot, bidder, kind);
    const [preemptor] = await tx.execute<{ rank: number }>(sql`select rank from disposal.lot_preemptors
      where lot_id = ${lot.id}::uuid and id_number = ${bidder.idNumber}`);
    const holdId = `dh-${randomUUID().replaceAll('-', '')}`;
    if (existing) {
      // Refused before (insufficient funds): a new hold, under a new id.
      await tx.execute(sql`update disposal.deposits set state = 'requested', hold_id = ${holdId},
          amount_fen = ${amountFen}, refusal = null, requested_at = now(), updated_at = now()
        where id = ${existing.id}::uuid`);
    } else {
      await tx.execute(sql`insert into disposal.deposits (id, lot_id, bidder_id, kind, id_number, amount_fen,
          hold_id, state, preemptor_rank, is_creditor)
        values (${randomUUID()}::uuid, ${lot.id}::uuid, ${bidder.id}::uuid, ${kind}, ${bidder.idNumber},
          ${amountFen}, ${holdId}, 'requested', ${preemptor?.rank ?? null}, ${isCreditor})`);
    }
    await appendAudit(tx, {
      actor: null,
      action: kind === 'deposit' ? 'auction.deposit.request' : 'auction.purchase.request',
      objectType: 'lot',
      objectId: lot.id,
      detail: { bidderId: bidder.id, amountFen, isCreditor },
    });
    const deposit = await findDeposit(tx, sql`hold_id = ${holdId}`);
    if (!deposit) throw new Error('deposit vanished');
    return deposit;
  });
}

function answerOf(d: DepositRow): DepositAnswer {
  return { bidderNumber: d.bidderNumber, state: d.state, amountFen: d.amountFen };
}

export async function placeDeposit(
  db: Db,
  config: Config,
  bidder: Bidder,
  lotId: string,
  kind: 'deposit' | 'purchase' = 'deposit',
): Promise<DepositAnswer> {
  const deposit = await recordRequest(db, bidder, lotId, kind);
  if (deposit.state !== 'requested') return answerOf(deposit);
  if (deposit.amountFen === 0) {
    // An applicant-creditor whose claim covers the deposit: nothing to hold at the bank.
    await db.transaction(async (tx) => queueNextSteps(tx, deposit.id, await markHeld(tx, deposit.id, null)));
  } else {
    const bank = bankEndpoint(config);
    const call = bank
      ? await requestHold(bank, holdRequestOf(deposit, bidder.name, deposit.lotId))
      : ({ kind: 'unknown', reason: 'no bank configured' } as const);
    const applied = await applyHoldCall(db, deposit, call);
    if (applied.outcome === 'unknown' || applied.outcome === 'notFound') {
      // Recorded; the bank is asked again (same hold id) until it answers.
      await enqueueJob(
        db,
        confirmHoldJob,
        { depositId: deposit.id },
        { singletonKey: deposit.id, startAfter: new Date(Date.now() + 5_000) },
      );
    } else {
      await queueNextSteps(db, deposit.id, applied.next);
    }
  }
  const after = await findDeposit(db, sql`id = ${deposit.id}::uuid`);
  if (!after) throw new Error('deposit vanished');
  if (after.state === 'refused') {
    throw new AppError(ErrorCode.conflict, bi('银行未能冻结保证金', 'The bank refused to hold the deposit'), [
      { path: 'amountFen', message: after.refusal ?? 'refused' },
    ]);
  }
  if (kind === 'purchase' && after.state === 'releasing') {
    throw conflict('已由他人先行全额付款', 'Someone else paid the full price first');
  }
  return answerOf(after);
}

import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { clock } from '../../../platform/clock.ts';
import type { Db, DbOrTx } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode, invalidField, notFound } from '../../../platform/errors.ts';
import { publishEvent } from '../../../platform/events.ts';
import { appendAudit } from '../../audit/index.ts';
import { type CaseContext, loadCaseContext } from '../../cases/index.ts';
import type { Actor } from '../../identity/index.ts';
import { lotSold } from '../auction-events.ts';
import { assertCaseTeam } from '../auction-policy.ts';
import { findLot, type LotRow, notifyLotState } from '../auction-store.ts';
import { rulingDueOn, saleEndsOn } from '../rules/auction-rounds.ts';

/**
 * What the court decides after failed rounds (网拍规定 art. 26; 拍卖变卖规定 2020): take the asset
 * in payment (以物抵债) at the failed round's reserve price — after any failed round; open a sale
 * (变卖) for 60 days at the second round's starting price, or release the asset — after two. The
 * case team decides; each decision is one transaction with its audit record.
 */
export type LotDecided = {
  id: string;
  state: LotRow['state'];
  priceFen: number | null;
  saleEndsOn: string | null;
};

async function inDecision(
  db: Db,
  actor: Actor,
  lotId: string,
  decide: (tx: DbOrTx, lot: LotRow, c: CaseContext, today: string) => Promise<LotDecided>,
): Promise<LotDecided> {
  return db.transaction(async (tx) => {
    const lot = await findLot(tx, lotId, { forUpdate: true });
    if (!lot) throw notFound('拍品', 'Lot');
    const c = await loadCaseContext(tx, actor, lot.caseId);
    assertCaseTeam(c);
    return decide(tx, lot, c, clock.today());
  });
}

function wrongState(lot: LotRow, zh: string, en: string): AppError {
  return new AppError(ErrorCode.conflict, bi(zh, en), [{ path: 'state', message: lot.state }]);
}

function audit(tx: DbOrTx, actor: Actor, lot: LotRow, action: string, detail: Record<string, unknown>) {
  return appendAudit(tx, {
    actor: { userId: actor.userId, displayName: actor.displayName, courtId: actor.court.id },
    action,
    objectType: 'lot',
    objectId: lot.id,
    detail,
  });
}

/** After two failed rounds, a 60-day sale at the second round's starting price (practice, DOMAIN §7). */
export async function openSale(db: Db, actor: Actor, lotId: string): Promise<LotDecided> {
  return inDecision(db, actor, lotId, async (tx, lot, _c, today) => {
    if (lot.state !== 'failed' || lot.round !== 'second') {
      throw wrongState(lot, '两次流拍后方可变卖', 'A sale follows two failed rounds');
    }
    const endsOn = saleEndsOn(today);
    await tx.execute(sql`update disposal.lot_bidding set state = 'saleOpen' where lot_id = ${lot.id}::uuid`);
    await tx.execute(sql`update disposal.lots set sale_price_fen = ${lot.startingPriceFen}, sale_opened_on = ${today}::date,
        sale_ends_on = ${endsOn}::date, decided_by = ${actor.userId}::uuid, decided_on = ${today}::date,
        updated_at = now() where id = ${lot.id}::uuid`);
    await audit(tx, actor, lot, 'auction.lot.sale', { priceFen: lot.startingPriceFen, saleEndsOn: endsOn });
    await notifyLotState(tx, lot, 'saleOpen', { priceFen: lot.startingPriceFen });
    return { id: lot.id, state: 'saleOpen', priceFen: lot.startingPriceFen, saleEndsOn: endsOn };
  });
}

/** 以物抵债: an applicant takes the asset in payment at the failed round's reserve (its starting price). */
export async function transferInLieu(
  db: Db,
  actor: Actor,
  lotId: string,
  partyId: string,
): Promise<LotDecided> {
  return inDecision(db, actor, lotId, async (tx, lot, c, today) => {
    if (lot.state !== 'failed' && lot.state !== 'saleEnded') {
      throw wrongState(lot, '流拍后方可以物抵债', 'Transfer in lieu follows a failed round');
    }
    if (!c.applicants.some((a) => a.id === partyId)) {
      throw invalidField(
        'partyId',
        '承受人应为本案申请执行人',
        'The creditor must be an applicant of the case',
      );
    }
    const priceFen = lot.startingPriceFen;
    await tx.execute(
      sql`update disposal.lot_bidding set state = 'transferredInLieu' where lot_id = ${lot.id}::uuid`,
    );
    await tx.execute(sql`update disposal.lots set transferred_to_party_id = ${partyId}::uuid, price_fen = ${priceFen},
        paid_on = ${today}::date, decided_by = ${actor.userId}::uuid, decided_on = ${today}::date, updated_at = now()
      where id = ${lot.id}::uuid`);
    // 拍卖变卖规定: a ruling for the creditor who takes it, served within 10 days.
    await tx.execute(sql`insert into disposal.confirmation_rulings (id, lot_id, party_id, price_fen, paid_on, due_on, issued_on)
      values (${randomUUID()}::uuid, ${lot.id}::uuid, ${partyId}::uuid, ${priceFen}, ${today}::date,
        ${rulingDueOn(today)}::date, ${today}::date) on conflict (lot_id) do nothing`);
    await audit(tx, actor, lot, 'auction.lot.transfer-in-lieu', { partyId, priceFen });
    await publishEvent(
      tx,
      lotSold,
      {
        lotId: lot.id,
        caseId: lot.caseId,
        courtId: lot.courtId,
        assetId: lot.assetId,
        how: 'transferInLieu',
        priceFen,
        paidOn: today,
        rulingDueOn: rulingDueOn(today),
      },
      { aggregateId: lot.caseId },
    );
    await notifyLotState(tx, lot, 'transferredInLieu', { priceFen });
    return { id: lot.id, state: 'transferredInLieu', priceFen, saleEndsOn: lot.saleEndsOn };
  });
}

/** After two failed rounds, or a sale nobody paid: the asset is released (解除查封、扣押). */
export async function releaseLot(db: Db, actor: Actor, lotId: string): Promise<LotDecided> {
  return inDecision(db, actor, lotId, async (tx, lot, _c, today) => {
    const isAfterTwoFailures = lot.state === 'failed' && lot.round === 'second';
    if (!isAfterTwoFailures && lot.state !== 'saleEnded') {
      throw wrongState(
        lot,
        '两次流拍或变卖不成后方可解除',
        'Release follows two failed rounds or a failed sale',
      );
    }
    await tx.execute(sql`update disposal.lot_bidding set state = 'released' where lot_id = ${lot.id}::uuid`);
    await tx.execute(sql`update disposal.lots set decided_by = ${actor.userId}::uuid, decided_on = ${today}::date,
        updated_at = now() where id = ${lot.id}::uuid`);
    await audit(tx, actor, lot, 'auction.lot.release', {});
    await notifyLotState(tx, lot, 'released');
    return { id: lot.id, state: 'released', priceFen: null, saleEndsOn: lot.saleEndsOn };
  });
}

import { type SQL, sql } from 'drizzle-orm';
import { clock } from '../../../platform/clock.ts';
import type { Db, DbOrTx } from '../../../platform/db.ts';
import { notFound } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import { loadCaseContext } from '../../cases/index.ts';
import type { Actor } from '../../identity/index.ts';
import type { TLotSearchQuery, TPublicLot } from '../auction-contracts.ts';
import { findLot, findLotsWhere, type LotRow, msOf } from '../auction-store.ts';
import type { LotState } from '../rules/auction-rounds.ts';
import { closeLotIfDue } from './lot-close.ts';

/**
 * What the public auction site, the bidder and the case team read of lots. Reading a lot after its
 * end closes it first (if the scheduled job has not yet). Public answers show bidders only by their
 * bidder numbers.
 */

/** The state a reader sees: an announced lot whose bidding has begun is bidding. */
export function shownState(lot: Pick<LotRow, 'state' | 'biddingStartsAtMs'>, nowMs: number): LotState {
  return lot.state === 'announced' && nowMs >= lot.biddingStartsAtMs ? 'bidding' : lot.state;
}

function isOpen(lot: LotRow): boolean {
  return lot.state === 'announced' || lot.state === 'bidding';
}

const iso = (ms: number) => new Date(ms).toISOString();

export type PublicBid = {
  seq: number;
  bidderNumber: string;
  amountFen: number;
  at: string;
  isPreemptor: boolean;
  endsAt: string;
};

/** The bids of a lot after `since`, oldest first (a stream catching up), or the latest `limit`, newest first. */
export async function listBids(
  tx: DbOrTx,
  lotId: string,
  opts: { since?: number; limit: number },
): Promise<PublicBid[]> {
  const rows = await tx.execute<{
    seq: number;
    bidderNumber: string;
    amountFen: number;
    atMs: number;
    isPreemptor: boolean;
    endsAtMs: number;
  }>(
    sql`select seq, bidder_number as "bidderNumber", amount_fen::float8 as "amountFen", ${msOf(sql`at`)} as "atMs",
        is_preemptor as "isPreemptor", ${msOf(sql`ends_at`)} as "endsAtMs"
      from disposal.bids where lot_id = ${lotId}::uuid
      ${opts.since === undefined ? sql`order by seq desc` : sql`and seq > ${opts.since} order by seq`}
      limit ${opts.limit}`,
  );
  return rows.map((r) => ({
    seq: r.seq,
    bidderNumber: r.bidderNumber,
    amountFen: r.amountFen,
    at: iso(r.atMs),
    isPreemptor: r.isPreemptor,
    endsAt: iso(r.endsAtMs),
  }));
}

async function winnerNumberOf(tx: DbOrTx, lot: LotRow): Promise<string | null> {
  if (lot.winnerDepositId === null) return null;
  const [row] = await tx.execute<{ n: string | null }>(
    sql`select bidder_number as n from disposal.deposits where id = ${lot.winnerDepositId}::uuid`,
  );
  return row?.n ?? null;
}

export async function publicViewOf(tx: DbOrTx, lot: LotRow, nowMs: number): Promise<TPublicLot> {
  const [bids, winnerBidderNumber, preemptors] = await Promise.all([
    listBids(tx, lot.id, { limit: 100 }),
    winnerNumberOf(tx, lot),
    tx.execute<{ n: number }>(
      sql`select count(*)::int as n from disposal.lot_preemptors where lot_id = ${lot.id}::uuid`,
    ),
  ]);
  return {
    id: lot.id,
    state: shownState(lot, nowMs),
    round: lot.round,
    title: lot.title,
    description: lot.description,
    assetType: lot.assetType,
    propertyClass: lot.propertyClass,
    caseNumber: lot.caseNumber,
    court: { id: lot.courtId, name: lot.courtName, divisionCode: lot.divisionCode },
    referencePriceFen: lot.referencePriceFen,
    startingPriceFen: lot.startingPriceFen,
    incrementFen: lot.incrementFen,
    depositFen: lot.depositFen,
    currentPriceFen: lot.currentPriceFen ?? lot.startingPriceFen,
    bidCount: lot.bidCount,
    announcedOn: lot.announcedOn,
    biddingStartsAt: iso(lot.biddingStartsAtMs),
    biddingEndsAt: iso(lot.biddingEndsAtMs),
    endsAt: iso(lot.endsAtMs),
    serverNow: iso(nowMs),
    bids,
    winnerBidderNumber,
    priceFen: lot.priceFen,
    balanceDueOn: lot.balanceDueOn,
    photos: lot.photos,
    encumbrances: lot.encumbrances,
    notices: lot.notices,
    hasPreemptors: (preemptors[0]?.n ?? 0) > 0,
    sale:
      lot.salePriceFen !== null && lot.saleEndsOn !== null
        ? { priceFen: lot.salePriceFen, endsOn: lot.saleEndsOn }
        : null,
    previousLotId: lot.previousLotId,
  };
}

/** A lot as the public sees it (closed first if its end has passed). */
export async function getPublicLot(db: Db, lotId: string): Promise<TPublicLot> {
  let lot = await findLot(db, lotId);
  if (!lot) throw notFound('拍品', 'Lot');
  if (isOpen(lot) && clock.nowMs() >= lot.endsAtMs) {
    await closeLotIfDue(db, lot.id);
    lot = (await findLot(db, lotId)) ?? lot;
  }
  return publicViewOf(db, lot, clock.nowMs());
}

export const searchPageSize = 20;

/** The public search: by region (division code prefix), asset type, price and state; 50 pages at most. */
export async function searchLots(db: Db, query: TLotSearchQuery) {
  const conditions: SQL[] = [sql`true`];
  if (query.region) conditions.push(sql`l.division_code like ${`${query.region}%`}`);
  if (query.type) conditions.push(sql`l.asset_type = ${query.type}`);
  const price = sql`coalesce(b.current_price_fen, b.starting_price_fen)`;
  if (query.minPriceFen !== undefined) conditions.push(sql`${price} >= ${query.minPriceFen}`);
  if (query.maxPriceFen !== undefined) conditions.push(sql`${price} <= ${query.maxPriceFen}`);
  const now = clock.now().toISOString();
  if (query.state === 'bidding') {
    conditions.push(sql`b.state in ('announced', 'bidding') and b.bidding_starts_at <= ${now}::timestamptz`);
  } else if (query.state === 'announced') {
    conditions.push(sql`b.state = 'announced' and b.bidding_starts_at > ${now}::timestamptz`);
  } else if (query.state) {
    conditions.push(sql`b.state = ${query.state}`);
  }
  const offset = (query.page - 1) * searchPageSize;
  const rows = await findLotsWhere(
    db,
    sql.join(conditions, sql` and `),
    sql`order by l.announced_on desc, l.id limit ${searchPageSize + 1} offset ${offset}`,
  );
  const nowMs = clock.nowMs();
  return {
    items: rows.slice(0, searchPageSize).map((lot) => ({
      id: lot.id,
      title: lot.title,
      state: shownState(lot, nowMs),
      round: lot.round,
      assetType: lot.assetType,
      courtName: lot.courtName,
      divisionCode: lot.divisionCode,
      startingPriceFen: lot.startingPriceFen,
      currentPriceFen: lot.currentPriceFen ?? lot.startingPriceFen,
      bidCount: lot.bidCount,
      biddingStartsAt: iso(lot.biddingStartsAtMs),
      endsAt: iso(lot.endsAtMs),
      photoUrl: lot.photos[0]?.url ?? null,
    })),
    page: query.page,
    pageSize: searchPageSize,
    hasMore: rows.length > searchPageSize,
  };
}

/** The lots of a case, for anyone who sees the case; the winner's name is personal data, its read audited. */
export async function listCaseLots(db: Db, actor: Actor, caseId: string) {
  return db.transaction(async (tx) => {
    const c = await loadCaseContext(tx, actor, caseId);
    const lots = await findLotsWhere(tx, sql`l.case_id = ${c.id}::uuid`, sql`order by l.announced_on, l.id`);
    const nowMs = clock.nowMs();
    const winners = await tx.execute<{ lotId: string; name: string; bidderNumber: string | null }>(sql`
      select d.lot_id as "lotId", b.name, d.bidder_number as "bidderNumber" from disposal.deposits d
        join disposal.auction_bidders b on b.id = d.bidder_id
        join disposal.lots l on l.winner_deposit_id = d.id where l.case_id = ${c.id}::uuid`);
    const rulings = await tx.execute<{ lotId: string; paidOn: string; dueOn: string; issuedOn: string }>(sql`
      select r.lot_id as "lotId", r.paid_on::text as "paidOn", r.due_on::text as "dueOn", r.issued_on::text as "issuedOn"
        from disposal.confirmation_rulings r join disposal.lots l on l.id = r.lot_id where l.case_id = ${c.id}::uuid`);
    if (winners.length > 0) {
      await appendAudit(tx, {
        actor: { userId: actor.userId, displayName: actor.displayName, courtId: actor.court.id },
        action: 'auction.lots.read',
        objectType: 'case',
        objectId: c.id,
        purpose: '办案 / case handling',
        detail: { winners: winners.length },
      });
    }
    return {
      items: lots.map((lot) => {
        const winner = winners.find((w) => w.lotId === lot.id);
        const ruling = rulings.find((r) => r.lotId === lot.id);
        return {
          id: lot.id,
          title: lot.title,
          assetId: lot.assetId,
          round: lot.round,
          state: shownState(lot, nowMs),
          startingPriceFen: lot.startingPriceFen,
          currentPriceFen: lot.currentPriceFen ?? lot.startingPriceFen,
          bidCount: lot.bidCount,
          endsAt: iso(lot.endsAtMs),
          winner:
            winner && lot.priceFen !== null
              ? { bidderNumber: winner.bidderNumber, name: winner.name, priceFen: lot.priceFen }
              : null,
          balanceDueOn: lot.balanceDueOn,
          paidOn: lot.paidOn,
          ruling: ruling ? { paidOn: ruling.paidOn, dueOn: ruling.dueOn, issuedOn: ruling.issuedOn } : null,
          saleEndsOn: lot.saleEndsOn,
        };
      }),
    };
  });
}

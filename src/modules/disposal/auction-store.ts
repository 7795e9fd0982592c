import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db.ts';
import { isUuid } from '../../platform/ids.ts';
import type { PropertyClass, Round } from './rules/auction-lot.ts';
import type { LotState } from './rules/auction-rounds.ts';

/**
 * Reading and writing the auction's tables (migrations/0002_auction.sql). Instants are read as
 * milliseconds since the epoch and written as ISO strings; money as float8 (exact below 2^53).
 */

/** An instant column as ms since the epoch. */
export function msOf(column: SQL): SQL {
  return sql`(extract(epoch from ${column}) * 1000)::float8`;
}

export type LotRow = {
  id: string;
  caseId: string;
  caseNumber: string;
  courtId: string;
  courtPath: string;
  courtName: string;
  divisionCode: string;
  assetId: string;
  valuationId: string;
  assetType: string;
  propertyClass: PropertyClass;
  title: string;
  description: string;
  photos: { url: string; caption: string }[];
  encumbrances: string[];
  notices: string[];
  round: Round;
  previousLotId: string | null;
  referencePriceFen: number;
  depositFen: number;
  biddingEndsAtMs: number;
  balancePeriodDays: number;
  announcedOn: string;
  closedAtMs: number | null;
  closedOn: string | null;
  winnerDepositId: string | null;
  priceFen: number | null;
  balanceDueOn: string | null;
  capturedFen: number | null;
  captureReceiptId: string | null;
  balanceReceiptId: string | null;
  paidOn: string | null;
  defaultedOn: string | null;
  salePriceFen: number | null;
  saleOpenedOn: string | null;
  saleEndsOn: string | null;
  // The bidding row.
  state: LotState;
  startingPriceFen: number;
  incrementFen: number;
  biddingStartsAtMs: number;
  endsAtMs: number;
  currentPriceFen: number | null;
  bidCount: number;
  leaderDepositId: string | null;
  leaderRank: number | null;
  lastBidAtMs: number | null;
};

const lotColumns = sql`l.id, l.case_id as "caseId", l.case_number as "caseNumber", l.court_id as "courtId",
  l.court_path as "courtPath", l.court_name as "courtName", l.division_code as "divisionCode",
  l.asset_id as "assetId", l.valuation_id as "valuationId", l.asset_type as "assetType",
  l.property_class as "propertyClass", l.title, l.description, l.photos, l.encumbrances, l.notices, l.round,
  l.previous_lot_id as "previousLotId", l.reference_price_fen::float8 as "referencePriceFen",
  l.deposit_fen::float8 as "depositFen", ${msOf(sql`l.bidding_ends_at`)} as "biddingEndsAtMs",
  l.balance_period_days as "balancePeriodDays", l.announced_on::text as "announcedOn",
  ${msOf(sql`l.closed_at`)} as "closedAtMs", l.closed_on::text as "closedOn",
  l.winner_deposit_id as "winnerDepositId", l.price_fen::float8 as "priceFen",
  l.balance_due_on::text as "balanceDueOn", l.captured_fen::float8 as "capturedFen",
  l.capture_receipt_id as "captureReceiptId", l.balance_receipt_id as "balanceReceiptId",
  l.paid_on::text as "paidOn", l.defaulted_on::text as "defaultedOn", l.sale_price_fen::float8 as "salePriceFen",
  l.sale_opened_on::text as "saleOpenedOn", l.sale_ends_on::text as "saleEndsOn",
  b.state, b.starting_price_fen::float8 as "startingPriceFen", b.increment_fen::float8 as "incrementFen",
  ${msOf(sql`b.bidding_starts_at`)} as "biddingStartsAtMs", ${msOf(sql`b.ends_at`)} as "endsAtMs",
  b.current_price_fen::float8 as "currentPriceFen", b.bid_count as "bidCount",
  b.leader_deposit_id as "leaderDepositId", b.leader_rank as "leaderRank",
  ${msOf(sql`b.last_bid_at`)} as "lastBidAtMs"`;

/**
 * A lot, or null. `forUpdate` locks its bidding row — the row every bid locks — so that a close, a
 * decision or a payment is ordered with the bids.
 */
export async function findLot(
  tx: DbOrTx,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<LotRow | null> {
  if (!isUuid(id)) return null;
  const rows = await tx.execute<LotRow>(sql`select ${lotColumns}
    from disposal.lots l join disposal.lot_bidding b on b.lot_id = l.id
    where l.id = ${id}::uuid ${opts.forUpdate ? sql`for update of b` : sql``}`);
  return rows[0] ?? null;
}

export async function findLotsWhere(tx: DbOrTx, where: SQL, orderLimit: SQL = sql``): Promise<LotRow[]> {
  return tx.execute<LotRow>(sql`select ${lotColumns}
    from disposal.lots l join disposal.lot_bidding b on b.lot_id = l.id where ${where} ${orderLimit}`);
}

export type DepositRow = {
  id: string;
  lotId: string;
  bidderId: string;
  kind: 'deposit' | 'purchase';
  idNumber: string;
  amountFen: number;
  holdId: string;
  state: 'requested' | 'held' | 'refused' | 'releasing' | 'released' | 'capturing' | 'captured';
  bidderNumber: string | null;
  preemptorRank: number | null;
  isCreditor: boolean;
  refusal: string | null;
  captureSerial: string | null;
};

const depositColumns = sql`id, lot_id as "lotId", bidder_id as "bidderId", kind, id_number as "idNumber",
  amount_fen::float8 as "amountFen", hold_id as "holdId", state, bidder_number as "bidderNumber",
  preemptor_rank as "preemptorRank", is_creditor as "isCreditor", refusal, capture_serial as "captureSerial"`;

export async function findDeposit(
  tx: DbOrTx,
  where: SQL,
  opts: { forUpdate?: boolean } = {},
): Promise<DepositRow | null> {
  const rows = await tx.execute<DepositRow>(
    sql`select ${depositColumns} from disposal.deposits where ${where} ${opts.forUpdate ? sql`for update` : sql``}`,
  );
  return rows[0] ?? null;
}

export async function listDeposits(tx: DbOrTx, where: SQL): Promise<DepositRow[]> {
  return tx.execute<DepositRow>(
    sql`select ${depositColumns} from disposal.deposits where ${where} order by requested_at`,
  );
}

/** The channel every server process listens on for the lots its watchers follow (auction-live.ts). */
export const auctionChannel = 'disposal_auction';

/** Tells every process's watchers of a lot's new state; sent at the commit of the caller's transaction. */
export async function notifyLotState(
  tx: DbOrTx,
  lot: { id: string },
  state: LotState,
  extra: { winnerBidderNumber?: string | null; priceFen?: number | null; endsAtMs?: number } = {},
): Promise<void> {
  const payload = JSON.stringify({
    k: 'state',
    lot: lot.id,
    state,
    winnerBidderNumber: extra.winnerBidderNumber ?? null,
    priceFen: extra.priceFen ?? null,
    ...(extra.endsAtMs === undefined ? {} : { endsAt: new Date(extra.endsAtMs).toISOString() }),
  });
  await tx.execute(sql`select pg_notify(${auctionChannel}, ${payload})`);
}

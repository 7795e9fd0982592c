import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db.ts';
import { msOf } from '../auction-store.ts';
import type { LotState } from '../rules/auction-rounds.ts';
import type { Bidder } from './bidder-register.ts';
import type { DepositRow } from './deposit-outcomes.ts';

/** A bidder's own page: their deposits (and whether they won), and their bids — the latest 200 of each. */
export async function bidderHome(db: Db, bidder: Bidder) {
  const deposits = await db.execute<{
    lotId: string;
    lotTitle: string;
    lotState: LotState;
    kind: 'deposit' | 'purchase';
    bidderNumber: string | null;
    state: DepositRow['state'];
    amountFen: number;
    isWinner: boolean;
    balanceDueOn: string | null;
  }>(sql`select d.lot_id as "lotId", l.title as "lotTitle", b.state as "lotState", d.kind,
      d.bidder_number as "bidderNumber", d.state, d.amount_fen::float8 as "amountFen",
      coalesce(l.winner_deposit_id = d.id, false) as "isWinner",
      case when l.winner_deposit_id = d.id then l.balance_due_on::text end as "balanceDueOn"
    from disposal.deposits d join disposal.lots l on l.id = d.lot_id join disposal.lot_bidding b on b.lot_id = l.id
    where d.bidder_id = ${bidder.id}::uuid order by d.requested_at desc limit 200`);
  const bids = await db.execute<{ lotId: string; seq: number; amountFen: number; atMs: number }>(sql`
    select x.lot_id as "lotId", x.seq, x.amount_fen::float8 as "amountFen", ${msOf(sql`x.at`)} as "atMs"
      from disposal.deposits d join disposal.bids x on x.deposit_id = d.id
     where d.bidder_id = ${bidder.id}::uuid order by x.at desc, x.seq desc limit 200`);
  return {
    bidder: { id: bidder.id, name: bidder.name, registeredAt: new Date(bidder.registeredAtMs).toISOString() },
    deposits: [...deposits],
    bids: bids.map((b) => ({
      lotId: b.lotId,
      seq: b.seq,
      amountFen: b.amountFen,
      at: new Date(b.atMs).toISOString(),
    })),
  };
}

import type { Database } from '../../../platform/db.ts';

/**
 * Bids that arrive at this server process while its bidding statement is in flight wait for it and
 * then go together, in arrival order, as the next statement (`disposal.place_bids`): one commit for
 * the batch, and at most two round trips for each bid. A bid arriving when nothing is in flight goes
 * at once, alone. Why: a hot lot's row lock is held until commit, and every commit that notifies
 * watchers takes PostgreSQL's one notification-queue lock in turn (across all lots); a batch pays
 * each once for all its bids instead of once per bid.
 */
export type BidRow = {
  outcome: string;
  seq: number | null;
  priceFen: string | null;
  atMs: number | null;
  endsMs: number | null;
  bidderNumber: string | null;
  minimumFen: string | null;
};

export type BidRequest = { lotId: string; tokenHash: string; amountFen: number; nowIso: string };

type Waiting = BidRequest & { resolve(row: BidRow): void; reject(err: unknown): void };

export type BidBatcher = { submit(bid: BidRequest): Promise<BidRow> };

// One statement decides at most this many bids (its arrays stay small).
const maxBatch = 200;

type Row = BidRow & { idx: number };

export function createBidBatcher(database: Database): BidBatcher {
  const queue: Waiting[] = [];
  let isSending = false;

  const send = async (batch: Waiting[]) => {
    // The instants go as text[]: the driver's serializer for timestamptz[] is replaced (platform/db.ts).
    const rows = await database.sql<Row[]>`select p.r_idx as idx, p.r_outcome as outcome, p.r_seq as seq,
        p.r_price_fen::text as "priceFen", (extract(epoch from p.r_at) * 1000)::float8 as "atMs",
        (extract(epoch from p.r_ends_at) * 1000)::float8 as "endsMs", p.r_bidder_number as "bidderNumber",
        p.r_minimum_fen::text as "minimumFen"
      from disposal.place_bids(${batch.map((b) => b.lotId)}::uuid[], ${batch.map((b) => b.tokenHash)}::text[],
        ${batch.map((b) => String(b.amountFen))}::bigint[], ${batch.map((b) => b.nowIso)}::text[]::timestamptz[]) p`;
    const byIdx = new Map(rows.map((r) => [r.idx, r]));
    for (const [i, b] of batch.entries()) {
      const row = byIdx.get(i + 1);
      if (row) b.resolve(row);
      else b.reject(new Error('the bid was not decided'));
    }
  };

  const drain = async () => {
    isSending = true;
    while (queue.length > 0) {
      const batch = queue.splice(0, maxBatch);
      try {
        await send(batch);
      } catch (err) {
        for (const b of batch) b.reject(err);
      }
    }
    isSending = false;
  };

  return {
    submit(bid) {
      return new Promise<BidRow>((resolve, reject) => {
        queue.push({ ...bid, resolve, reject });
        if (!isSending) void drain();
      });
    },
  };
}

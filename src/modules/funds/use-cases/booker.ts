import { sql } from 'drizzle-orm';
import { courtAccountOf } from '../../../kernel/index.ts';
import type { Db } from '../../../platform/db.ts';
import { type Arrival, bookArrivals } from './book-arrivals.ts';

/**
 * Arrival notices are recorded first and booked a moment later by one booker per court and lane at
 * a time (docs/decisions/0015-one-booker-per-court.md): the bank's request is answered as soon as
 * its notices are in `funds.arrival_inbox`, and the booker moves them into the ledger in batches of
 * up to `bookingBatch` — one transaction each — so no two bookings ever wait for each other's
 * balance rows, and each commit carries many arrivals.
 */
export const bookingBatch = 1000;

/**
 * A court's notices are split into lanes by the account they name, each booked by its own booker:
 * a case's notices are always in the same lane (booked in order, its balance row touched by one
 * booker only), and the lanes' bookings share no row — the court's bank account has no balance row
 * (0014) — so they run side by side, one per core of the database server.
 */
export const bookingLanes = 2;

export type NoticeOutcome = 'accepted' | 'duplicate';

/**
 * Records notices, each serial once: a serial already recorded, or already booked, is a duplicate
 * (the bank notifies at least once). Returns the outcome per serial and the courts to book for.
 */
export async function recordArrivalNotices(
  db: Db,
  arrivals: readonly Arrival[],
): Promise<{ outcomes: Map<string, NoticeOutcome>; courts: (string | null)[] }> {
  const unique = [...new Map(arrivals.map((a) => [a.serial, a])).values()];
  const outcomes = new Map<string, NoticeOutcome>();
  if (unique.length === 0) return { outcomes, courts: [] };
  const column = <T>(pick: (a: Arrival) => T) => sql.param(unique.map(pick));
  const inserted = await db.execute<{ serial: string; courtId: string | null }>(sql`
    insert into funds.arrival_inbox (serial, court_id, source, to_account, amount_fen, payer_name, payer_account, received_at)
    select n.serial, ca.court_id, 'bank', n.to_account, n.amount_fen, n.payer_name, n.payer_account, n.received_at::timestamptz
    from unnest(${column((a) => a.serial)}::text[], ${column((a) => courtAccountOf(a.toAccount) ?? '')}::text[],
      ${column((a) => a.toAccount)}::text[], ${column((a) => a.amountFen)}::bigint[], ${column((a) => a.payerName)}::text[],
      ${column((a) => a.payerAccount)}::text[], ${column((a) => a.receivedAt)}::text[])
      as n(serial, court_account, to_account, amount_fen, payer_name, payer_account, received_at)
    left join funds.court_accounts ca on ca.account_number = n.court_account
    where not exists (select 1 from funds.receipts r where r.serial = n.serial)
    on conflict (serial) do nothing
    returning serial, court_id as "courtId"`);
  const isNew = new Set(inserted.map((r) => r.serial));
  for (const a of unique) outcomes.set(a.serial, isNew.has(a.serial) ? 'accepted' : 'duplicate');
  return { outcomes, courts: [...new Set(inserted.map((r) => r.courtId))] };
}

type InboxRow = Arrival & { source: 'bank' | 'deduction' };

const inboxColumns = sql`serial, to_account as "toAccount", amount_fen::float8 as "amountFen",
  payer_name as "payerName", payer_account as "payerAccount", received_at as "receivedAt", source`;

/** The lane's booking lock: one booker per court and lane at a time, in every process of the deployment. */
function laneLock(courtId: string | null, lane: number) {
  return sql`select pg_advisory_xact_lock(hashtext('funds.booker'), hashtext(${`${courtId ?? ''}:${lane}`}))`;
}

/** The court's notices in one lane: by the digits of the account they name, so a case is always in one lane. */
function ofLane(courtId: string | null, lane: number) {
  const court = courtId === null ? sql`court_id is null` : sql`court_id = ${courtId}::uuid`;
  return sql`${court} and mod(abs(hashtext(regexp_replace(to_account, '\D', '', 'g'))), ${bookingLanes}) = ${lane}`;
}

function toArrival(r: InboxRow): Arrival {
  return { ...r, receivedAt: new Date(r.receivedAt).toISOString() };
}

/**
 * Books one batch of the court's recorded notices, oldest first, in one transaction: they leave the
 * inbox and enter the ledger together. Returns how many it took.
 */
async function bookBatch(
  db: Db,
  courtId: string | null,
  lane: number,
  limit: number,
  serial?: string,
): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(laneLock(courtId, lane));
    const only = serial === undefined ? sql`` : sql`and serial = ${serial}`;
    const rows = await tx.execute<InboxRow>(sql`delete from funds.arrival_inbox where serial in (
        select serial from funds.arrival_inbox where ${ofLane(courtId, lane)} ${only}
        order by recorded_at, serial limit ${limit} for update skip locked)
      returning ${inboxColumns}`);
    if (rows.length === 0) return 0;
    const bySource = Map.groupBy(rows, (r) => r.source);
    for (const [source, group] of bySource) await bookArrivals(tx, group.map(toArrival), { source });
    return rows.length;
  });
}

type BookingOptions = { batch?: number; onError?: (err: unknown, serial?: string) => void };

/** Books everything the court's inbox holds, its lanes side by side. */
export async function bookPendingArrivals(
  db: Db,
  courtId: string | null,
  options: BookingOptions = {},
): Promise<number> {
  const lanes = Array.from({ length: bookingLanes }, (_, lane) => bookLane(db, courtId, lane, options));
  return (await Promise.all(lanes)).reduce((a, b) => a + b, 0);
}

/**
 * Books everything one lane of the court's inbox holds, batch after batch. A batch that fails is
 * booked one notice at a time, so one bad notice cannot hold up the others; it stays in the inbox
 * (and in the log) for the next sweep.
 */
export async function bookLane(
  db: Db,
  courtId: string | null,
  lane: number,
  options: BookingOptions = {},
): Promise<number> {
  const limit = options.batch ?? bookingBatch;
  let total = 0;
  for (;;) {
    let taken: number;
    try {
      taken = await bookBatch(db, courtId, lane, limit);
    } catch (err) {
      options.onError?.(err);
      const pending = await db.execute<{ serial: string }>(sql`select serial from funds.arrival_inbox
        where ${ofLane(courtId, lane)} order by recorded_at, serial limit ${limit}`);
      let booked = 0;
      for (const { serial } of pending) {
        try {
          booked += await bookBatch(db, courtId, lane, 1, serial);
        } catch (one) {
          options.onError?.(one, serial);
        }
      }
      total += booked;
      if (booked === 0) return total;
      continue;
    }
    total += taken;
    if (taken < limit) return total;
  }
}

/** The courts with notices waiting (the sweep's work list). */
export async function courtsWithPendingArrivals(db: Db): Promise<(string | null)[]> {
  const rows = await db.execute<{ courtId: string | null }>(
    sql`select distinct court_id as "courtId" from funds.arrival_inbox`,
  );
  return rows.map((r) => r.courtId);
}

/**
 * Starts booking a court's notices in the background after they were recorded. Within a process,
 * one booker per court and lane runs and goes round again if more was recorded meanwhile; across
 * processes the lane's lock makes them take turns, and each turn sees every notice committed before
 * it. Nothing depends on this process staying up: the sweep job books whatever is left.
 */
export function createBooker(db: Db, onError: (err: unknown, serial?: string) => void) {
  const running = new Map<string, { again: boolean; done: Promise<void> }>();
  const kickLane = (courtId: string | null, lane: number): void => {
    const key = `${courtId ?? ''}:${lane}`;
    const current = running.get(key);
    if (current) {
      current.again = true;
      return;
    }
    const state = { again: false, done: Promise.resolve() };
    state.done = (async () => {
      try {
        do {
          state.again = false;
          await bookLane(db, courtId, lane, { onError });
        } while (state.again);
      } catch (err) {
        onError(err);
      } finally {
        running.delete(key);
      }
    })();
    running.set(key, state);
  };
  return {
    kick(courtId: string | null): void {
      for (let lane = 0; lane < bookingLanes; lane++) kickLane(courtId, lane);
    },
    /** Resolves when no booking is running in this process (before the database is closed). */
    async idle(): Promise<void> {
      while (running.size > 0) await Promise.all([...running.values()].map((s) => s.done));
    },
  };
}

export type Booker = ReturnType<typeof createBooker>;

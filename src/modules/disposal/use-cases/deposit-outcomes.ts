import { sql } from 'drizzle-orm';
import { chinaDateOf } from '../../../kernel/index.ts';
import { clock } from '../../../platform/clock.ts';
import type { Db, DbOrTx } from '../../../platform/db.ts';
import { type DepositRow, findDeposit, findLot, notifyLotState } from '../auction-store.ts';
import type { HoldCall, THoldAnswer } from '../bank/deposit-holds.ts';
import { balanceDueOn } from '../rules/auction-rounds.ts';

/**
 * What the bank's answers about a deposit hold do to the deposit, once each and in any order
 * (docs/protocols/bank.md §10). Each returns the work that follows — a release or a capture to send
 * — for the caller to queue. Locks are taken in one order everywhere: the lot's bidding row, the
 * lot, then the deposit (a close takes the same), so none of these waits on another in a cycle.
 */
export type NextStep = { release?: boolean; capture?: boolean };

const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

/** A lot's n-th bidder number (竞买号): a letter and four or more digits, unique in the lot. */
export function bidderNumberOf(n: number): string {
  return `${letters[n % letters.length] ?? 'A'}${1000 + n}`;
}

/**
 * The bank holds the money. A deposit gets its bidder number; if the lot stopped taking bidders
 * meanwhile (closed while the bank answered), the hold is released at once. A sale's purchase hold
 * of the full price wins the lot if it is still for sale (first full payment wins), else it is released.
 */
export async function markHeld(tx: DbOrTx, depositId: string, answer: THoldAnswer | null): Promise<NextStep> {
  const peek = await findDeposit(tx, sql`id = ${depositId}::uuid`);
  if (!peek) return {};
  if (peek.kind === 'purchase') await findLot(tx, peek.lotId, { forUpdate: true });
  await tx.execute(sql`select 1 from disposal.lots where id = ${peek.lotId}::uuid for update`);
  const d = await findDeposit(tx, sql`id = ${depositId}::uuid`, { forUpdate: true });
  if (d?.state !== 'requested') return {};
  const lot = await findLot(tx, d.lotId);
  if (!lot) return {};
  const heldAt = answer?.heldAt ?? clock.now().toISOString();
  if (d.kind === 'deposit') {
    const [counter] = await tx.execute<{
      n: number;
    }>(sql`update disposal.lots set deposit_count = deposit_count + 1
      where id = ${d.lotId}::uuid returning deposit_count as n`);
    const isOpen = lot.state === 'announced' || lot.state === 'bidding';
    await tx.execute(sql`update disposal.deposits set state = ${isOpen ? 'held' : 'releasing'},
        bidder_number = ${bidderNumberOf(counter?.n ?? 1)}, held_at = ${heldAt}::timestamptz, updated_at = now()
      where id = ${d.id}::uuid`);
    return isOpen ? {} : { release: true };
  }
  const today = clock.today();
  if (lot.state !== 'saleOpen' || (lot.saleEndsOn !== null && today > lot.saleEndsOn)) {
    await tx.execute(sql`update disposal.deposits set state = 'releasing', held_at = ${heldAt}::timestamptz,
        updated_at = now() where id = ${d.id}::uuid`);
    return { release: true };
  }
  // 变卖 (practice, DOMAIN §7): the first full payment wins; the whole price is captured, no balance.
  const [counter] = await tx.execute<{
    n: number;
  }>(sql`update disposal.lots set deposit_count = deposit_count + 1
    where id = ${d.lotId}::uuid returning deposit_count as n`);
  await tx.execute(sql`update disposal.deposits set state = 'capturing', bidder_number = ${bidderNumberOf(counter?.n ?? 1)},
      held_at = ${heldAt}::timestamptz, updated_at = now() where id = ${d.id}::uuid`);
  const closedAt = clock.now();
  await tx.execute(sql`update disposal.lot_bidding set state = 'closed', current_price_fen = ${d.amountFen},
      leader_deposit_id = ${d.id}::uuid where lot_id = ${d.lotId}::uuid`);
  await tx.execute(sql`update disposal.lots set closed_at = ${closedAt.toISOString()}::timestamptz,
      closed_on = ${chinaDateOf(closedAt)}::date, winner_deposit_id = ${d.id}::uuid, price_fen = ${d.amountFen},
      captured_fen = ${d.amountFen}, balance_due_on = ${balanceDueOn(chinaDateOf(closedAt), lot.balancePeriodDays)}::date,
      updated_at = now() where id = ${d.lotId}::uuid`);
  await notifyLotState(tx, lot, 'closed', { priceFen: d.amountFen });
  return { capture: true };
}

/** The bank refused the hold (insufficient funds): the bidder may try again with a new hold. */
export async function markRefused(tx: DbOrTx, depositId: string, reason: string): Promise<void> {
  await tx.execute(sql`update disposal.deposits set state = 'refused', refusal = ${reason.slice(0, 500)},
      settled_at = now(), updated_at = now() where id = ${depositId}::uuid and state = 'requested'`);
}

export async function markReleased(tx: DbOrTx, depositId: string): Promise<void> {
  await tx.execute(sql`update disposal.deposits set state = 'released', settled_at = now(), updated_at = now()
    where id = ${depositId}::uuid and state = 'releasing'`);
}

export async function markCaptured(tx: DbOrTx, depositId: string, serial: string | null): Promise<void> {
  await tx.execute(sql`update disposal.deposits set state = 'captured', capture_serial = ${serial},
      settled_at = now(), updated_at = now() where id = ${depositId}::uuid and state = 'capturing'`);
}

/**
 * The bank's answer to a hold request (or to reading it), applied in its own transaction: `held`,
 * `refused`, or nothing known yet (`unknown`: ask again with the same hold id; `notFound`: the bank
 * never got it — send it again).
 */
export async function applyHoldCall(
  db: Db,
  d: Pick<DepositRow, 'id'>,
  call: HoldCall,
): Promise<{ outcome: 'held' | 'refused' | 'unknown' | 'notFound'; next: NextStep }> {
  if (call.kind === 'notFound') return { outcome: 'notFound', next: {} };
  if (call.kind === 'unknown') return { outcome: 'unknown', next: {} };
  if (call.kind === 'refused') {
    await db.transaction((tx) => markRefused(tx, d.id, `HTTP ${call.status}: ${call.body}`));
    return { outcome: 'refused', next: {} };
  }
  if (call.hold.status === 'refused') {
    await db.transaction((tx) => markRefused(tx, d.id, call.hold.reason ?? 'refused'));
    return { outcome: 'refused', next: {} };
  }
  // Held (or already released or captured by a later step: the request itself was held).
  const next = await db.transaction((tx) => markHeld(tx, d.id, call.hold));
  return { outcome: 'held', next };
}

export type { DepositRow };

import { addCalendarDays } from '../../../kernel/index.ts';
import { type Round, reauctionWithinDays } from './auction-lot.ts';

/**
 * What follows a close (网拍规定 2016 arts. 24–26; 拍卖变卖规定 2020): the winner's balance, the
 * confirmation ruling, default, a failed round and its re-auction, and after two failures the
 * choice between transfer in lieu (以物抵债), sale (变卖) and release.
 */

// 网拍规定 art. 25: losing bidders' deposits are released within 24 hours of the close
export const releaseWithinHours = 24;
// practice: the balance is due within the period the announcement states; 15 days unless set
export const defaultBalancePeriodDays = 15;
// 拍卖变卖规定: the confirmation ruling is served within 10 days of full payment
export const rulingWithinDays = 10;
// practice (DOMAIN §7): a sale (变卖) is open for 60 days at the second round's starting price
export const saleWindowDays = 60;

export type LotState =
  | 'announced'
  | 'bidding'
  | 'closed'
  | 'sold'
  | 'defaulted'
  | 'failed'
  | 'saleOpen'
  | 'saleEnded'
  | 'transferredInLieu'
  | 'released';

export const lotStateValues = [
  'announced',
  'bidding',
  'closed',
  'sold',
  'defaulted',
  'failed',
  'saleOpen',
  'saleEnded',
  'transferredInLieu',
  'released',
] as const satisfies readonly LotState[];

/** The round a lot of the same asset gets after `previous` (null: it may not follow it). */
export function nextRoundAfter(previous: { round: Round | 'sale'; state: string }): Round | null {
  // 网拍规定 art. 24: after a default the asset is auctioned again in the same round.
  if (previous.state === 'defaulted' && previous.round !== 'sale') return previous.round;
  // 网拍规定 art. 26: a failed first round is auctioned again; after the second, the court chooses
  // transfer in lieu, a sale or release (拍卖变卖规定) — no third round here.
  if (previous.state === 'failed' && previous.round === 'first') return 'second';
  return null;
}

/** The last China date a failed round may be auctioned again (网拍规定 art. 26: within 30 days). */
export function reauctionDeadline(failedOn: string): string {
  return addCalendarDays(failedOn, reauctionWithinDays);
}

export function balanceDueOn(closedOn: string, periodDays: number): string {
  return addCalendarDays(closedOn, periodDays);
}

export function rulingDueOn(paidOn: string): string {
  return addCalendarDays(paidOn, rulingWithinDays);
}

/** The last China date of the sale window opened on `openedOn`. */
export function saleEndsOn(openedOn: string): string {
  return addCalendarDays(openedOn, saleWindowDays);
}

/** Whether the winner has defaulted (悔拍): the balance is still unpaid after its due date. */
export function isInDefault(dueOn: string, today: string, isPaid: boolean): boolean {
  return !isPaid && today > dueOn;
}

/**
 * 网拍规定 art. 17: a bidding applicant-creditor pays only the part of the deposit that exceeds its
 * claim (nothing when the claim covers it).
 */
export function requiredDepositFen(depositFen: number, creditorClaimFen: number | null): number {
  if (creditorClaimFen === null) return depositFen;
  return Math.max(0, depositFen - creditorClaimFen);
}

/**
 * Which payments into the case account settle a closed lot: the captured deposit and the balance
 * (price − deposit held), each matched once by its amount. Returns the receipt's role, if any.
 */
export function matchPayment(
  lot: { capturedFen: number; balanceFen: number; hasCaptureReceipt: boolean; hasBalanceReceipt: boolean },
  amountFen: number,
): 'capture' | 'balance' | null {
  if (!lot.hasCaptureReceipt && lot.capturedFen > 0 && amountFen === lot.capturedFen) return 'capture';
  if (!lot.hasBalanceReceipt && lot.balanceFen > 0 && amountFen === lot.balanceFen) return 'balance';
  return null;
}

/** Whether the price is fully in the case account. */
export function isFullyPaid(lot: {
  capturedFen: number;
  balanceFen: number;
  hasCaptureReceipt: boolean;
  hasBalanceReceipt: boolean;
}): boolean {
  return (lot.capturedFen === 0 || lot.hasCaptureReceipt) && (lot.balanceFen === 0 || lot.hasBalanceReceipt);
}

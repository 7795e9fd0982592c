import { addCalendarDays, compareIsoDates } from '../../../../kernel/index.ts';

/**
 * A respondent's sale of a sealed asset under the court's supervision (自行处置, 善意文明执行意见,
 * 法发〔2019〕35号; DOMAIN §13): the court sets the period by the asset and the market and a
 * reasonable lowest price; the buyer pays into the case account, and only the full price paid
 * within the period releases the seal. A period that passes unpaid returns the asset to auction.
 */

// 善意文明执行意见: the court sets the period of a self-disposal, at most 60 days.
export const maxSelfDisposalDays = 60;

export const selfDisposalStateValues = ['open', 'paid', 'completed', 'lapsed'] as const;
export type SelfDisposalState = (typeof selfDisposalStateValues)[number];

export type DaysCheck = { ok: true } | { ok: false; problem: 'notWholeDays' | 'tooLong' };

/** The period in days: a whole number from 1 to 60 (善意文明执行意见). */
export function checkSelfDisposalDays(days: number): DaysCheck {
  if (!Number.isInteger(days) || days < 1) return { ok: false, problem: 'notWholeDays' };
  if (days > maxSelfDisposalDays) return { ok: false, problem: 'tooLong' };
  return { ok: true };
}

/** The last day of the period: the China date of the decision plus `days` calendar days. */
export function selfDisposalDueOn(decidedOn: string, days: number): string {
  return addCalendarDays(decidedOn, days);
}

/** The agreed price may not be below the lowest price the court set. */
export function isPriceAcceptable(priceFen: number, lowestPriceFen: number): boolean {
  return Number.isInteger(priceFen) && priceFen >= lowestPriceFen;
}

/** A sale may be recorded while the self-disposal is open and its period has not passed. */
export function canRecordSale(sd: { state: SelfDisposalState; dueOn: string }, today: string): boolean {
  return sd.state === 'open' && compareIsoDates(today, sd.dueOn) <= 0;
}

/**
 * Money that counts towards the sale: what arrives in the case account on or after the day the
 * sale was recorded, and no later than the last day of the period.
 */
export function countsTowardSale(
  sd: { saleRecordedOn: string | null; dueOn: string },
  receivedOn: string,
): boolean {
  if (sd.saleRecordedOn === null) return false;
  return compareIsoDates(receivedOn, sd.saleRecordedOn) >= 0 && compareIsoDates(receivedOn, sd.dueOn) <= 0;
}

/** Paid once the money counted reaches the agreed price. */
export function isFullyPaid(paidFen: number, salePriceFen: number): boolean {
  return paidFen >= salePriceFen;
}

/**
 * One receipt shared among the sales of a case awaiting their price, earliest sale first: each
 * takes what it still lacks, until the receipt is used up. Amounts are whole fen.
 */
export function allocateReceipt(
  awaiting: readonly { id: string; salePriceFen: number; paidFen: number }[],
  amountFen: number,
): { id: string; amountFen: number; paidFen: number; isFullyPaid: boolean }[] {
  let left = amountFen;
  const out: { id: string; amountFen: number; paidFen: number; isFullyPaid: boolean }[] = [];
  for (const sale of awaiting) {
    if (left <= 0) break;
    const lacking = Math.max(0, sale.salePriceFen - sale.paidFen);
    if (lacking === 0) continue;
    const taken = Math.min(lacking, left);
    left -= taken;
    const paidFen = sale.paidFen + taken;
    out.push({
      id: sale.id,
      amountFen: taken,
      paidFen,
      isFullyPaid: isFullyPaid(paidFen, sale.salePriceFen),
    });
  }
  return out;
}

/**
 * An open self-disposal whose period has passed without the full price (a sale recorded or not)
 * lapses on the day after its last day; the asset returns to auction.
 */
export function isLapsed(sd: { state: SelfDisposalState; dueOn: string }, today: string): boolean {
  return sd.state === 'open' && compareIsoDates(today, sd.dueOn) > 0;
}

/** The self-disposal that still holds its asset: open, or paid and awaiting the release of the seal. */
export function holdsAsset(state: SelfDisposalState): boolean {
  return state === 'open' || state === 'paid';
}

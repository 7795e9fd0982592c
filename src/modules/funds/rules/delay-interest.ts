/**
 * Interest for delayed performance (迟延履行期间的债务利息), 最高人民法院关于执行程序中计算迟延
 * 履行期间的债务利息适用法律若干问题的解释 (2014) arts. 1, 4: the unpaid principal (ordinary
 * interest excluded) × 0.0175% per day × the days of delay; what is paid satisfies the principal
 * before this interest.
 */

// 2014 interpretation art. 1: 0.0175% per day = 175 per million
const ratePerMillionPerDay = 175n;

/** The interest on `principalFen` unpaid for `days` days, rounded down to the fen. */
export function delayInterestFen(principalFen: number, days: number): number {
  if (!Number.isSafeInteger(principalFen) || principalFen < 0)
    throw new RangeError('principal must be whole fen ≥ 0');
  if (!Number.isSafeInteger(days) || days < 0) throw new RangeError('days must be a whole number ≥ 0');
  return Number((BigInt(principalFen) * ratePerMillionPerDay * BigInt(days)) / 1_000_000n);
}

export type DebtState = {
  /** Principal still unpaid. */
  principalFen: number;
  /** Delay interest accrued and unpaid. */
  interestFen: number;
};

/**
 * Applies a payment to a debt, principal first (2014 interpretation art. 4): what pays the
 * principal, what pays the interest, and what is left over.
 */
export function applyPayment(
  debt: DebtState,
  amountFen: number,
): { principalFen: number; interestFen: number; leftFen: number } {
  const principalFen = Math.min(amountFen, debt.principalFen);
  const interestFen = Math.min(amountFen - principalFen, debt.interestFen);
  return { principalFen, interestFen, leftFen: amountFen - principalFen - interestFen };
}

/**
 * The enforcement fee (申请执行费), 诉讼费用交纳办法 (2006) art. 14 (1): for a claim with an
 * amount, cumulative by band — up to ¥10,000: ¥50; the part from ¥10,000 to ¥500,000: 1.5%;
 * ¥500,000–5,000,000: 1%; ¥5,000,000–10,000,000: 0.5%; above ¥10,000,000: 0.1%. With no amount:
 * ¥50–500 (the court decides; ¥50 here). Borne by the debtor; the court takes it first from
 * what is enforced (DOMAIN.md §8).
 */

// 诉讼费用交纳办法 art. 14 (1): no amount → 50 to 500 yuan
export const feeWithoutAmountFen = 5_000;
// art. 14 (1): up to 10,000 yuan → 50 yuan
export const minimumFeeFen = 5_000;
const bandFloorFen = 1_000_000;

// art. 14 (1): [upper bound of the band in fen, rate in ten-thousandths]
const bands: readonly (readonly [number, number])[] = [
  [50_000_000, 150], // 10,000–500,000 yuan: 1.5%
  [500_000_000, 100], // 500,000–5,000,000 yuan: 1%
  [1_000_000_000, 50], // 5,000,000–10,000,000 yuan: 0.5%
  [Number.POSITIVE_INFINITY, 10], // above 10,000,000 yuan: 0.1%
];

/** The fee in fen for a claim of `claimFen` (0 = a claim with no amount), rounded to the fen. */
export function enforcementFeeFen(claimFen: number): number {
  if (!Number.isSafeInteger(claimFen) || claimFen < 0)
    throw new RangeError(`claim must be whole fen ≥ 0: ${claimFen}`);
  if (claimFen === 0) return feeWithoutAmountFen;
  if (claimFen <= bandFloorFen) return minimumFeeFen;
  // In ten-thousandths of a fen, exactly (BigInt: a claim near 2^53 fen times a rate overflows).
  let total = 0n;
  let floor = bandFloorFen;
  for (const [upper, rate] of bands) {
    if (claimFen <= floor) break;
    const part = Math.min(claimFen, upper) - floor;
    total += BigInt(part) * BigInt(rate);
    floor = upper;
  }
  // Half a fen and more rounds up.
  return minimumFeeFen + Number((total + 5_000n) / 10_000n);
}

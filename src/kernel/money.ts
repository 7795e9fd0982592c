/**
 * Money is integer fen (分) everywhere — in PostgreSQL (`bigint`), in the API (`…Fen` fields) and
 * in rules — and becomes yuan only where a person reads or types it. Integer arithmetic
 * throughout, so no cent is ever lost to floating point.
 */

/** The largest amount an API accepts: 2^53 − 1 fen (about ¥90 trillion), exact in a JS number. */
export const maxFen = Number.MAX_SAFE_INTEGER;

/** `123456789` fen → `"1,234,567.89"` (grouped yuan with two decimals). */
export function formatYuan(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`an amount in fen must be a safe integer, got ${fen}`);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * Yuan as typed (`"1,234.5"`, `1234.5`) → integer fen (`123450`); `null` unless it is a
 * non-negative amount with at most two decimals that fits in a safe integer.
 */
export function yuanToFen(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const text = typeof value === 'number' ? (Number.isFinite(value) ? value.toFixed(2) : '') : value;
  const match = /^(\d+)(?:\.(\d{0,2}))?$/.exec(text.replaceAll(',', '').trim());
  if (!match) return null;
  const whole = Number(match[1]);
  const cents = Number((match[2] ?? '').padEnd(2, '0'));
  const fen = whole * 100 + cents;
  return Number.isSafeInteger(fen) ? fen : null;
}

/**
 * Splits `totalFen` in proportion to `weights` by the largest-remainder method: every part an
 * integer, the parts summing exactly to the total (pro-rata distribution, CPL-I art. 508).
 */
export function splitFenProRata(totalFen: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(totalFen) || totalFen < 0)
    throw new RangeError('totalFen must be a non-negative integer');
  if (weights.some((w) => !Number.isSafeInteger(w) || w < 0))
    throw new RangeError('weights must be non-negative integers');
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) return weights.map(() => 0);
  const big = BigInt(totalFen);
  const bigSum = BigInt(sum);
  const exact = weights.map((w) => (big * BigInt(w)) / bigSum);
  const remainders = weights.map((w, i) => ({ i, r: (big * BigInt(w)) % bigSum }));
  let left = totalFen - exact.reduce((a, b) => a + Number(b), 0);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  const parts = exact.map(Number);
  for (const { i } of remainders) {
    if (left === 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    left -= 1;
  }
  return parts;
}

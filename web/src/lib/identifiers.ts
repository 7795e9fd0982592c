/**
 * Check digits of the two national identifiers a party carries (DOMAIN.md §1). The server checks
 * them again; here they give the officer an answer beside the field before submitting.
 */

// GB 11643-1999: weights for positions 1–17; sum mod 11 indexes the check characters.
const idNumberWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const idNumberCheckChars = '10X98765432';

// GB 32100-2015: 31 symbols (no I O S V Z), value = index; weights for positions 1–17.
const creditCodeAlphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const creditCodeWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export type IdNumberProblem = 'length' | 'format' | 'birthDate' | 'checkDigit';
export type CreditCodeProblem = 'length' | 'charset' | 'checkDigit';

/** Trim and upper-case a final `x`, which GB 11643 writes as `X`. */
export function normalizeIdNumber(value: string): string {
  return value.trim().toUpperCase();
}

export function normalizeCreditCode(value: string): string {
  return value.trim().toUpperCase();
}

/** The check character for the first 17 digits of an ID number. */
export function computeIdNumberCheckChar(first17: string): string {
  let sum = 0;
  idNumberWeights.forEach((weight, index) => {
    sum += Number(first17[index]) * weight;
  });
  return idNumberCheckChars[sum % 11] ?? '';
}

function isRealPastDate(yyyymmdd: string, today: Date): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(year, month - 1, day));
  const isReal =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  const todayUtc = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  return isReal && year >= 1850 && date.getTime() <= todayUtc;
}

/** Why an ID number is not valid, or `null` when it is. */
export function checkIdNumber(raw: string, today: Date = new Date()): IdNumberProblem | null {
  const value = normalizeIdNumber(raw);
  if (value.length !== 18) return 'length';
  if (!/^\d{17}[\dX]$/.test(value)) return 'format';
  if (!isRealPastDate(value.slice(6, 14), today)) return 'birthDate';
  if (computeIdNumberCheckChar(value.slice(0, 17)) !== value[17]) return 'checkDigit';
  return null;
}

/** The check character for the first 17 characters of a credit code. */
export function computeCreditCodeCheckChar(first17: string): string {
  let sum = 0;
  creditCodeWeights.forEach((weight, index) => {
    sum += creditCodeAlphabet.indexOf(first17[index] ?? '') * weight;
  });
  const check = 31 - (sum % 31);
  return creditCodeAlphabet[check === 31 ? 0 : check] ?? '';
}

/** Why a unified social credit code is not valid, or `null` when it is. */
export function checkCreditCode(raw: string): CreditCodeProblem | null {
  const value = normalizeCreditCode(raw);
  if (value.length !== 18) return 'length';
  for (const char of value) {
    if (!creditCodeAlphabet.includes(char)) return 'charset';
  }
  if (computeCreditCodeCheckChar(value.slice(0, 17)) !== value[17]) return 'checkDigit';
  return null;
}

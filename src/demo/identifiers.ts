/**
 * Check characters of the identifiers the demo population carries. These are local helpers for
 * generating data; the official validators live in the cases module's rules.
 */

// GB 11643: weights for positions 1–17 of a resident ID number.
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
// GB 11643: weighted sum mod 11 → check character.
const ID_CHECK = '10X98765432';

// GB 32100: the 31-symbol alphabet (no I O S V Z) and the weights for positions 1–17.
export const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

// GB 11714: weights for the 8 body characters of an organisation code.
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/** GB 11643 check character for the first 17 digits of an ID number. */
export function computeIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (ID_WEIGHTS[i] ?? 0);
  return ID_CHECK.charAt(sum % 11);
}

/** An 18-character ID number from a 6-digit division code, `YYYYMMDD` birth date and sequence 0–999. */
export function composeIdNumber(divisionCode: string, birthYmd: string, sequence: number): string {
  const first17 = `${divisionCode}${birthYmd}${String(sequence).padStart(3, '0')}`;
  return first17 + computeIdCheckChar(first17);
}

/** GB 11714 check character for an 8-character organisation-code body (digits and capitals). */
export function computeOrgCodeCheckChar(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += valueOfOrgChar(body8.charAt(i)) * (ORG_WEIGHTS[i] ?? 0);
  const check = 11 - (sum % 11);
  if (check === 10) return 'X';
  if (check === 11) return '0';
  return String(check);
}

/** GB 32100 check character for the first 17 characters of a unified social credit code. */
export function computeCreditCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_ALPHABET.indexOf(first17.charAt(i)) * (CREDIT_WEIGHTS[i] ?? 0);
  const check = 31 - (sum % 31);
  return CREDIT_ALPHABET.charAt(check === 31 ? 0 : check);
}

/**
 * A unified social credit code: registering authority, organisation type, 6-digit division code,
 * 8-character organisation-code body + its GB 11714 check character, then the GB 32100 check.
 */
export function composeCreditCode(
  authority: string,
  orgType: string,
  divisionCode: string,
  orgBody8: string,
): string {
  const first17 = `${authority}${orgType}${divisionCode}${orgBody8}${computeOrgCodeCheckChar(orgBody8)}`;
  return first17 + computeCreditCheckChar(first17);
}

function valueOfOrgChar(ch: string): number {
  const code = ch.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  return code - 55; // 'A' = 10 … 'Z' = 35
}

/**
 * Case account numbers (一案一账号, 执行款物管理规定 2017 art. 5): every case has its own account
 * number, a virtual sub-account of its court's enforcement account at the court's bank, printed
 * on the enforcement notice so that payers name it. Zhixing, the bank and the payer read the same
 * layout:
 *
 *   court enforcement account (12 digits) · case sequence (7 digits) · check digit (Luhn)
 *
 * The check digit catches a mistyped digit or two swapped neighbours, so a payment naming a
 * number with a typo goes to the claim queue instead of another case.
 */

/** The court's enforcement account at its bank: 12 digits. */
export const courtAccountLength = 12;
/** Digits of a case's sequence inside its court's account: up to 9,999,999 cases per court. */
export const caseSequenceLength = 7;
/** A whole case account number: court account + sequence + one check digit = 20 digits. */
export const caseAccountLength = courtAccountLength + caseSequenceLength + 1;
export const maxCaseSequence = 10 ** caseSequenceLength - 1;

const courtAccountPattern = /^\d{12}$/;
const caseAccountPattern = /^\d{20}$/;

export function isCourtAccountNumber(value: string): boolean {
  return courtAccountPattern.test(value);
}

/** The Luhn check digit (ISO/IEC 7812-1) of a string of digits. */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** The case account number of the `sequence`-th case account under `courtAccount`. */
export function caseAccountNumber(courtAccount: string, sequence: number): string {
  if (!isCourtAccountNumber(courtAccount))
    throw new RangeError(`a court account has 12 digits: ${courtAccount}`);
  if (!Number.isSafeInteger(sequence) || sequence < 1 || sequence > maxCaseSequence)
    throw new RangeError(`a case account sequence is 1…${maxCaseSequence}: ${sequence}`);
  const body = `${courtAccount}${String(sequence).padStart(caseSequenceLength, '0')}`;
  return `${body}${luhnCheckDigit(body)}`;
}

export type ParsedCaseAccount = { courtAccount: string; sequence: number };

/**
 * Reads an account number as a payer wrote it (spaces and dashes ignored): a case account when
 * its 20 digits have a good check digit, else null. `courtAccountOf` finds the court whatever
 * the rest says.
 */
export function parseCaseAccountNumber(written: string): ParsedCaseAccount | null {
  const digits = normaliseAccountNumber(written);
  if (!caseAccountPattern.test(digits)) return null;
  const body = digits.slice(0, -1);
  if (luhnCheckDigit(body) !== Number(digits.at(-1))) return null;
  const sequence = Number(body.slice(courtAccountLength));
  if (sequence < 1) return null;
  return { courtAccount: body.slice(0, courtAccountLength), sequence };
}

/** The court account a written account number belongs to (its first 12 digits), or null. */
export function courtAccountOf(written: string): string | null {
  const digits = normaliseAccountNumber(written);
  if (!/^\d+$/.test(digits) || digits.length < courtAccountLength) return null;
  return digits.slice(0, courtAccountLength);
}

/** Removes the spaces and dashes people put in account numbers. */
export function normaliseAccountNumber(written: string): string {
  return written.replace(/[\s-]/g, '');
}
